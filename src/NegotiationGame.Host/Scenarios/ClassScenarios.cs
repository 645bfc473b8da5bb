using NegotiationGame.EventLog;
using NegotiationGame.Host.Hubs;
using NegotiationGame.Host.Hubs.Results;
using NegotiationGame.Host.Limits;
using NegotiationGame.Scenarios;
using NegotiationGame.Storage.Library;

namespace NegotiationGame.Host.Scenarios;

/// <summary>
/// The scenarios a new class may play: the bundled ones by name, the server's library by content hash, or the text of
/// a file the instructor sends, checked as <see cref="UploadedScenarioCheck"/> checks it and then kept in the library.
/// Whichever it is, the class receives the text, and its games' logs carry it.
/// </summary>
public sealed class ClassScenarios(ScenarioAnalyses analyses, IScenarioLibrary library, AbuseLimits limits, TimeProvider clock)
{
    /// <summary>Who an upload is credited to when it comes without a class.</summary>
    public const string AnyInstructor = "instructor";

    /// <summary>The longest uploader kept with an entry: a class title's limit.</summary>
    public const int MaxUploaderLength = 120;

    /// <summary>The scenario's JSON, or why the class cannot have it. An uploaded file is checked here, and kept by <see cref="KeepAsync"/>.</summary>
    public async Task<(string? Json, HubFailure? Refusal)> ResolveAsync(string? name, string? uploadedJson)
    {
        if (uploadedJson is not null)
        {
            var verdict = await CheckAsync(uploadedJson);
            return verdict.Scenario is null ? (null, HubResults.InvalidScenario(verdict.Problems)) : (uploadedJson, null);
        }

        var scenarioName = name ?? BundledScenarios.Default;
        if (BundledScenarios.FindJson(scenarioName) is { } bundled)
        {
            return (bundled, null);
        }

        return ScenarioContentHash.IsHash(scenarioName) && await library.FindAsync(scenarioName) is { } stored
            ? (stored.Json, null)
            : (null, HubResults.Failure(
                HubErrorCodes.UnknownScenario,
                $"There is no scenario '{scenarioName}' (bundled: {string.Join(", ", BundledScenarios.Names)}; or the id of a library entry that listScenarios shows)."));
    }

    /// <summary>Checks a file and keeps it in the library, refusing it with <c>LibraryFull</c> when the library has no room.</summary>
    public async Task<(UploadedScenario? Uploaded, HubFailure? Refusal)> UploadAsync(string json)
    {
        var verdict = await CheckAsync(json);
        return verdict.Scenario is null ? (null, HubResults.InvalidScenario(verdict.Problems)) : await KeepAsync(json, AnyInstructor, mustKeep: true);
    }

    /// <summary>
    /// Keeps a checked file in the library, credited to <paramref name="uploader"/>. Without <paramref name="mustKeep"/>
    /// a full library is no refusal: the class plays its own copy, and only the library goes without.
    /// </summary>
    public async Task<(UploadedScenario? Uploaded, HubFailure? Refusal)> KeepAsync(string json, string uploader, bool mustKeep)
    {
        var scenario = SharedScenarios.Load(json).Scenario;
        var credited = string.IsNullOrWhiteSpace(uploader) ? AnyInstructor : uploader.Trim()[..Math.Min(uploader.Trim().Length, MaxUploaderLength)];
        var entry = new LibraryEntry(ScenarioContentHash.Of(json), scenario.Id, scenario.Title, credited, clock.GetUtcNow());
        var added = await library.AddAsync(new LibraryScenario(entry, json), limits.ScenarioLibraryEntries);
        if (added.Entry is null && mustKeep)
        {
            return (null, HubResults.Failure(
                HubErrorCodes.LibraryFull,
                $"The server's scenario library is full ({limits.ScenarioLibraryEntries} files): ask the operator to remove some, or create a class with the file itself."));
        }

        return (new UploadedScenario(added.Entry ?? entry, scenario, Kept: added.Entry is not null), null);
    }

    /// <summary>Every scenario a class may name: the bundled ones first, then the library's, newest first.</summary>
    public async Task<IReadOnlyList<ScenarioChoice>> ListAsync()
    {
        var entries = await library.ListAsync();
        return [.. BundledScenarios.Names.Select(BundledScenarios.Load).Select(ScenarioChoice.OfBundled), .. entries.Select(ScenarioChoice.OfEntry)];
    }

    /// <summary>Converts GENIUS files into a checked scenario file, keeping nothing (<see cref="GeniusUploads"/>).</summary>
    public Task<HubResult> ImportGeniusAsync(ImportGeniusRequest request) => Task.Run(() => GeniusUploads.Import(request, analyses));

    // The analytics take up to seconds of a core; they run on the thread pool, not on the hub's invocation.
    private Task<UploadedScenarioVerdict> CheckAsync(string json) => Task.Run(() => UploadedScenarioCheck.Check(json, analyses));
}
