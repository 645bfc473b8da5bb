using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.Uploads;

/// <summary>The files the upload tests send: a small two-party scenario, and the GENIUS allotment domain of tests/Shared/Genius.</summary>
internal static class UploadFiles
{
    private static readonly string[] AllotmentProfiles = ["allotment_gardener.xml", "allotment_committee.xml"];

    public static string GardenWall => File.ReadAllText(RepositoryFiles.Path("tests/NegotiationGame.Host.Tests/Uploads/garden-wall.json"));

    public static string BrokenGardenWall => File.ReadAllText(RepositoryFiles.Path("tests/NegotiationGame.Host.Tests/Uploads/garden-wall-broken.json"));

    /// <summary>importGenius's fields for the allotment domain and its two profiles.</summary>
    public static (object Domain, object[] Profiles) Allotment() =>
        (Xml("allotment_domain.xml"), [.. AllotmentProfiles.Select(Xml)]);

    private static object Xml(string name) => new { name, xml = File.ReadAllText(RepositoryFiles.Path($"tests/Shared/Genius/{name}")) };
}
