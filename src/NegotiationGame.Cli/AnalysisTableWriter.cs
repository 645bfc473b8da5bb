using System.Globalization;
using NegotiationGame.Domain.Analytics;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Cli;

/// <summary>Writes an analysis as aligned plain-text tables for a person at a terminal.</summary>
internal static class AnalysisTableWriter
{
    public static void Write(ScenarioAnalysis analysis, TextWriter output)
    {
        var scenario = analysis.Scenario;
        var invariant = CultureInfo.InvariantCulture;
        output.WriteLine($"Scenario            {scenario.Id}: {scenario.Title}");
        output.WriteLine(string.Create(invariant, $"Outcomes            {analysis.OutcomeCount,12:N0}"));
        output.WriteLine(string.Create(invariant, $"Zone of agreement   {analysis.ZoneOfAgreement,12:N0}  ({Share(analysis.ZoneOfAgreement, analysis.OutcomeCount)} of all outcomes)"));
        output.WriteLine(string.Create(invariant, $"  within red lines  {analysis.ZoneOfAgreementWithinRedLines,12:N0}"));
        output.WriteLine(string.Create(invariant, $"Pareto frontier     {analysis.Frontier.OutcomeCount,12:N0}  outcomes, {analysis.Frontier.Count:N0} distinct utility vectors"));
        output.WriteLine();

        RankedOutcome?[] columns = [analysis.Nash, analysis.KalaiSmorodinsky, analysis.MaxWelfare];
        string[] headers = ["Nash", "Kalai-Smorodinsky", "Max welfare"];
        var labelWidth = Math.Max(24, scenario.Issues.Max(issue => issue.Name.Length) + 2);
        const int columnWidth = 22;
        output.WriteLine(Row("", headers, labelWidth, columnWidth));
        foreach (var issue in scenario.Issues)
        {
            var cells = columns.Select(outcome => outcome is null ? "-" : issue.Options[outcome.Package.OptionOf(issue.Index)].Id).ToArray();
            output.WriteLine(Row(issue.Name, cells, labelWidth, columnWidth));
        }

        output.WriteLine(new string('-', labelWidth + (columnWidth * columns.Length)));
        foreach (var party in scenario.Parties)
        {
            var reservation = scenario.Profiles[party.Index].Reservation;
            var cells = columns.Select(outcome => outcome is null ? "-" : Points(scenario, outcome.Utilities[party.Index])).ToArray();
            output.WriteLine(Row(string.Create(invariant, $"{party.Name} (r = {reservation:0.##})"), cells, labelWidth, columnWidth));
        }

        output.WriteLine(Row("Welfare", [.. columns.Select(outcome => outcome is null ? "-" : Points(scenario, outcome.Utilities.Sum()))], labelWidth, columnWidth));
        if (analysis.Nash is null)
        {
            output.WriteLine();
            output.WriteLine("No outcome gives every party its reservation value: the zone of agreement is empty.");
        }
    }

    private static string Row(string label, string[] cells, int labelWidth, int columnWidth) =>
        label.PadRight(labelWidth) + string.Concat(cells.Select(cell => cell.PadRight(columnWidth))).TrimEnd();

    private static string Points(Scenario scenario, int units) => scenario.Utilities.Points(units).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Share(long part, long whole) => ((double)part / whole).ToString("0.00%", CultureInfo.InvariantCulture);
}
