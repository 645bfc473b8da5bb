using System.CommandLine;
using System.Globalization;
using NegotiationGame.Storage.Library;

namespace NegotiationGame.Cli;

/// <summary>
/// <c>library list</c> and <c>library remove &lt;hash&gt;</c>: the scenario files a server's instructors uploaded, in
/// its store (embedded SQLite file or cluster database). Removing an entry changes no class or game, which keep
/// their own copy of the text; only the create-class picker stops offering it.
/// </summary>
internal static class LibraryCommand
{
    public static Command Create(TextWriter output)
    {
        var list = new Command("list", "List the uploaded scenarios: hash, id, title, who uploaded it and when, newest first.");
        var listStore = new StoreLocation();
        listStore.AddTo(list);
        list.SetAction((parseResult, cancellationToken) => listStore.RunAsync(parseResult, StoreAccess.Read, output, (_, library) => ListAsync(library, output, cancellationToken), cancellationToken));

        var hash = new Argument<string>("hash") { Description = "The entry's content hash, as list prints it (sha256sum of the file)." };
        var remove = new Command("remove", "Remove one uploaded scenario from the library.") { hash };
        var removeStore = new StoreLocation();
        removeStore.AddTo(remove);
        remove.SetAction((parseResult, cancellationToken) => removeStore.RunAsync(
            parseResult, StoreAccess.Read, output, (_, library) => RemoveAsync(library, parseResult.GetRequiredValue(hash), output, cancellationToken), cancellationToken));

        return new Command("library", "The server's library of uploaded scenarios.") { list, remove };
    }

    private static async Task<int> ListAsync(IScenarioLibrary library, TextWriter output, CancellationToken cancellationToken)
    {
        var entries = await library.ListAsync(cancellationToken);
        foreach (var entry in entries)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{entry.ContentHash}  {entry.ScenarioId}  \"{entry.Title}\"  by \"{entry.UploadedBy}\"  {entry.UploadedAt:u}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{entries.Count} uploaded scenario(s)."));
        return ExitCodes.Success;
    }

    private static async Task<int> RemoveAsync(IScenarioLibrary library, string hash, TextWriter output, CancellationToken cancellationToken)
    {
        var key = hash.Trim().ToLowerInvariant();
        if (await library.RemoveAsync(key, cancellationToken))
        {
            output.WriteLine($"Removed {key} from the library; classes that play it keep their copy.");
            return ExitCodes.Success;
        }

        output.WriteLine($"The library has no entry {key}.");
        return ExitCodes.InvalidInput;
    }
}
