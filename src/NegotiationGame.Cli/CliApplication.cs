using System.CommandLine;

namespace NegotiationGame.Cli;

/// <summary>The <c>negotiationgame</c> command line; writers are injected so tests run it in-process.</summary>
public static class CliApplication
{
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, TimeProvider.System);

    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider time)
    {
        var root = new RootCommand("NegotiationGame: multi-party negotiation role-play, analytics and replay.")
        {
            ValidateCommand.Create(output),
            ImportGeniusCommand.Create(output, error),
            AnalyzeCommand.Create(output, error, time),
            SimulateCommand.Create(output, error, time),
            ReplayCommand.Create(output),
            StoreCommands.CreateExport(output),
            StoreCommands.CreateImport(output),
            MigrateCommand.Create(output, error),
            LibraryCommand.Create(output),
        };
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
