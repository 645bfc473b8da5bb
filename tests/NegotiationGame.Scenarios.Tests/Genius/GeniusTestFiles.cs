using System.Text;
using NegotiationGame.Scenarios.Genius;

namespace NegotiationGame.Scenarios.Tests.Genius;

/// <summary>The small GENIUS domains written for these tests (tests/Shared/Genius), as files or as text to alter.</summary>
internal static class GeniusTestFiles
{
    public static string Text(string name) => System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Genius", name));

    public static GeniusFile File(string name) => FromText(name, Text(name));

    public static GeniusFile FromText(string name, string xml) => new(name, Encoding.UTF8.GetBytes(xml));

    public static GeniusImportResult ImportAllotment(GeniusImportOptions? options = null) =>
        GeniusImporter.Import(File("allotment_domain.xml"), [File("allotment_gardener.xml"), File("allotment_committee.xml")], options ?? new GeniusImportOptions());

    public static GeniusImportResult ImportBookfair() =>
        GeniusImporter.Import(
            File("bookfair_domain.xml"),
            [File("bookfair_readers.xml"), File("bookfair_sellers.xml"), File("bookfair_council.xml")],
            new GeniusImportOptions());
}
