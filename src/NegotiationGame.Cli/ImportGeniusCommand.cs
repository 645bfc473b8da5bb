using System.CommandLine;
using System.Globalization;
using NegotiationGame.Scenarios.Genius;

namespace NegotiationGame.Cli;

/// <summary>
/// <c>import-genius &lt;domain.xml&gt; &lt;profile.xml&gt;… [--out file] [--name id] [--party name]… [--rounds n]</c>:
/// a GENIUS linear additive domain and its profiles as a scenario file, on standard output or in a file.
/// Problems and notes go to standard error, so that the output stays a clean scenario file.
/// </summary>
internal static class ImportGeniusCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var domainArgument = new Argument<FileInfo>("domain") { Description = "The GENIUS domain file (<negotiation_template> with discrete issues)." };
        var profilesArgument = new Argument<FileInfo[]>("profiles")
        {
            Description = "One GENIUS preference profile per party, 2 to 16.",
            Arity = ArgumentArity.OneOrMore,
        };
        var outOption = new Option<FileInfo?>("--out") { Description = "Write the scenario to this file instead of standard output." };
        var nameOption = new Option<string?>("--name") { Description = "The scenario id (default: from the domain file's name)." };
        var partyOption = new Option<string[]>("--party")
        {
            Description = "A party's name, once per profile in the same order (default: each profile file's name).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var roundsOption = new Option<int>("--rounds")
        {
            Description = "Rounds of the game; GENIUS's discount over the whole negotiation is spread over them.",
            DefaultValueFactory = _ => GeniusImportOptions.DefaultRounds,
        };
        var command = new Command("import-genius", "Convert a GENIUS linear additive domain and its preference profiles into a scenario file.")
        {
            domainArgument,
            profilesArgument,
            outOption,
            nameOption,
            partyOption,
            roundsOption,
        };
        command.SetAction(parseResult =>
        {
            var options = new GeniusImportOptions
            {
                ScenarioId = parseResult.GetValue(nameOption),
                PartyNames = parseResult.GetValue(partyOption) ?? [],
                Rounds = parseResult.GetValue(roundsOption),
            };
            return Run(
                parseResult.GetRequiredValue(domainArgument),
                parseResult.GetRequiredValue(profilesArgument),
                parseResult.GetValue(outOption),
                options,
                output,
                error);
        });
        return command;
    }

    private static int Run(FileInfo domain, FileInfo[] profiles, FileInfo? outFile, GeniusImportOptions options, TextWriter output, TextWriter error)
    {
        var files = new List<GeniusFile>();
        foreach (var file in profiles.Prepend(domain))
        {
            if (Read(file, out var problem) is { } read)
            {
                files.Add(read);
            }
            else
            {
                error.WriteLine(problem);
                return ExitCodes.InvalidInput;
            }
        }

        var result = GeniusImporter.Import(files[0], files[1..], options);
        if (!result.Succeeded)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cannot import {domain.Name}: {result.Problems.Length} problem(s)"));
            foreach (var problem in result.Problems)
            {
                error.WriteLine($"  {problem}");
            }

            return ExitCodes.InvalidInput;
        }

        foreach (var note in result.Notes)
        {
            error.WriteLine($"note: {note}");
        }

        var scenario = result.Scenario;
        if (outFile is null)
        {
            output.Write(result.Json);
        }
        else
        {
            File.WriteAllText(outFile.FullName, result.Json);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{outFile.FullName}: scenario '{scenario.Id}' ({scenario.Parties.Length} parties, {scenario.Issues.Length} issues, {scenario.OutcomeCount:N0} outcomes, {scenario.Rounds} rounds)"));
        }

        return ExitCodes.Success;
    }

    /// <summary>Reads a file only after checking its size, so that a huge file is refused without being read.</summary>
    private static GeniusFile? Read(FileInfo file, out string? problem)
    {
        problem = null;
        if (!file.Exists)
        {
            problem = $"{file.FullName}: no such file";
            return null;
        }

        if (file.Length > GeniusImporter.MaxFileBytes)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"{file.FullName}: is {file.Length:N0} bytes; GENIUS files of at most {GeniusImporter.MaxFileBytes:N0} bytes are read");
            return null;
        }

        return new GeniusFile(file.Name, File.ReadAllBytes(file.FullName));
    }
}
