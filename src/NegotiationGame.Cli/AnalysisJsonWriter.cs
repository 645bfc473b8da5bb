using System.Text.Json;
using NegotiationGame.Domain.Analytics;

namespace NegotiationGame.Cli;

/// <summary>Writes an analysis as the single JSON object documented in docs/scenario-format.md.</summary>
internal static class AnalysisJsonWriter
{
    public static void Write(ScenarioAnalysis analysis, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            var scenario = analysis.Scenario;
            json.WriteStartObject();
            json.WriteString("scenario", scenario.Id);
            json.WriteStartArray("parties");
            foreach (var party in scenario.Parties)
            {
                json.WriteStringValue(party.Id);
            }

            json.WriteEndArray();
            json.WriteNumber("outcomes", analysis.OutcomeCount);
            json.WriteStartObject("reservations");
            foreach (var profile in scenario.Profiles)
            {
                json.WriteNumber(scenario.Parties[profile.PartyIndex].Id, profile.Reservation);
            }

            json.WriteEndObject();
            json.WriteStartObject("zoneOfAgreement");
            json.WriteNumber("outcomes", analysis.ZoneOfAgreement);
            json.WriteNumber("withinRedLines", analysis.ZoneOfAgreementWithinRedLines);
            json.WriteEndObject();
            json.WriteStartObject("paretoFrontier");
            json.WriteNumber("utilityVectors", analysis.Frontier.Count);
            json.WriteNumber("outcomes", analysis.Frontier.OutcomeCount);
            json.WriteEndObject();
            WriteOutcome(json, "nash", analysis, analysis.Nash);
            WriteOutcome(json, "kalaiSmorodinsky", analysis, analysis.KalaiSmorodinsky);
            WriteOutcome(json, "maxWelfare", analysis, analysis.MaxWelfare);
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteOutcome(Utf8JsonWriter json, string name, ScenarioAnalysis analysis, RankedOutcome? outcome)
    {
        if (outcome is null)
        {
            json.WriteNull(name);
            return;
        }

        var scenario = analysis.Scenario;
        json.WriteStartObject(name);
        json.WriteNumber("index", outcome.Index);
        json.WriteStartObject("options");
        foreach (var issue in scenario.Issues)
        {
            json.WriteString(issue.Id, issue.Options[outcome.Package.OptionOf(issue.Index)].Id);
        }

        json.WriteEndObject();
        json.WriteStartObject("utilities");
        foreach (var party in scenario.Parties)
        {
            json.WriteNumber(party.Id, scenario.Utilities.Points(outcome.Utilities[party.Index]));
        }

        json.WriteEndObject();
        json.WriteNumber("welfare", scenario.Utilities.Points(outcome.Utilities.Sum()));
        json.WriteEndObject();
    }
}
