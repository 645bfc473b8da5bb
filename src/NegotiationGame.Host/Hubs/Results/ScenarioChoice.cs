using NegotiationGame.Domain.Scenarios;
using NegotiationGame.Storage.Library;

namespace NegotiationGame.Host.Hubs.Results;

/// <summary>
/// One scenario createClass may name with <see cref="Id"/>: a bundled one (its name) or a library entry (its content
/// hash). <see cref="ScenarioId"/> is the id inside the file, which two library entries may share.
/// </summary>
public sealed record ScenarioChoice(string Id, string ScenarioId, string Title, bool Bundled, string? UploadedBy, DateTimeOffset? UploadedAt)
{
    public static ScenarioChoice OfBundled(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new ScenarioChoice(scenario.Id, scenario.Id, scenario.Title, Bundled: true, null, null);
    }

    public static ScenarioChoice OfEntry(LibraryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new ScenarioChoice(entry.ContentHash, entry.ScenarioId, entry.Title, Bundled: false, entry.UploadedBy, entry.UploadedAt);
    }
}
