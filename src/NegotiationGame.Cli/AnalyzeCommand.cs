using System.CommandLine;
using NegotiationGame.Domain.Analytics;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Cli;

/// <summary><c>analyze &lt;scenario&gt; [--format json|table]</c>: exact analytics of the whole outcome space.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var scenarioArgument = new Argument<string>("scenario") { Description = "A scenario file, or the name of a bundled scenario." };
        var formatOption = new Option<OutputFormat>("--format")
        {
            Description = "table (for people, the default) or json (one object, documented in docs/scenario-format.md).",
            DefaultValueFactory = _ => OutputFormat.Table,
        };
        var command = new Command("analyze", "Zone of agreement, Pareto frontier, Nash, Kalai-Smorodinsky and max-welfare outcomes.")
        {
            scenarioArgument,
            formatOption,
        };
        command.SetAction(parseResult => Run(parseResult.GetRequiredValue(scenarioArgument), parseResult.GetValue(formatOption), output, error, time));
        return command;
    }

    private static int Run(string nameOrPath, OutputFormat format, TextWriter output, TextWriter progress, TimeProvider time)
    {
        if (ScenarioSource.Resolve(nameOrPath, out var error) is not { } source)
        {
            output.WriteLine(error);
            return ExitCodes.InvalidInput;
        }

        var result = ScenarioLoader.Load(source.Json);
        if (!result.Succeeded)
        {
            output.WriteLine($"{source.DisplayName} is not a valid scenario; run 'validate' to see its {result.Problems.Length} problem(s).");
            return ExitCodes.InvalidInput;
        }

        if (AnalysisLimits.Check(result.Scenario) is { } refusal)
        {
            output.WriteLine($"{source.DisplayName} cannot be analysed: {refusal.Message}.");
            return ExitCodes.InvalidInput;
        }

        ScenarioAnalysis analysis;
        try
        {
            analysis = ScenarioAnalysis.Analyze(result.Scenario, new AnalysisProgressWriter(progress, time));
        }
        catch (AnalysisRefusedException refused)
        {
            output.WriteLine($"{source.DisplayName} cannot be analysed: {refused.Refusal.Message}.");
            return ExitCodes.InvalidInput;
        }
        if (format == OutputFormat.Json)
        {
            AnalysisJsonWriter.Write(analysis, output);
        }
        else
        {
            AnalysisTableWriter.Write(analysis, output);
        }

        return ExitCodes.Success;
    }
}
