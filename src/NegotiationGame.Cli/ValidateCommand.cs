using System.CommandLine;
using System.Globalization;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Cli;

/// <summary><c>validate &lt;scenario&gt;</c>: a one-line summary and exit 0, or every problem and exit 1.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output)
    {
        var scenarioArgument = new Argument<string>("scenario") { Description = "A scenario file, or the name of a bundled scenario." };
        var command = new Command("validate", "Check a scenario file and report every problem in it.") { scenarioArgument };
        command.SetAction(parseResult => Run(parseResult.GetRequiredValue(scenarioArgument), output));
        return command;
    }

    private static int Run(string nameOrPath, TextWriter output)
    {
        if (ScenarioSource.Resolve(nameOrPath, out var error) is not { } source)
        {
            output.WriteLine(error);
            return ExitCodes.InvalidInput;
        }

        var result = ScenarioLoader.Load(source.Json);
        if (!result.Succeeded)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{source.DisplayName}: {result.Problems.Length} problem(s)"));
            foreach (var problem in result.Problems)
            {
                output.WriteLine($"  {problem}");
            }

            return ExitCodes.InvalidInput;
        }

        var scenario = result.Scenario;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{source.DisplayName}: valid scenario '{scenario.Id}' ({scenario.Title}): {scenario.Parties.Length} parties, {scenario.Issues.Length} issues, {scenario.OutcomeCount:N0} outcomes, {scenario.Rounds} rounds"));
        return ExitCodes.Success;
    }
}
