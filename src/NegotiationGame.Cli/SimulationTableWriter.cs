using System.Globalization;
using NegotiationGame.Domain.Bots;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Cli;

/// <summary>The table <c>simulate --games N</c> prints: how the games ended, in plain columns.</summary>
internal static class SimulationTableWriter
{
    public static void Write(TextWriter output, Scenario scenario, string bots, int firstSeed, SimulationResult result)
    {
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(culture, $"{scenario.Id}, bots {bots}, seeds {firstSeed}-{firstSeed + result.Games - 1}"));
        Row(output, "games", string.Create(culture, $"{result.Games}"));
        Row(output, "every issue binding", string.Create(culture, $"{result.Agreements} ({result.AgreementRate:0%})"));
        Row(output, "rounds to agreement", result.MeanRoundsToAgreement is { } rounds ? string.Create(culture, $"{rounds:0.00}") : "-");
        Row(output, "mean welfare", string.Create(culture, $"{result.MeanWelfare:0.00}"));
        Row(output, "distance to frontier", string.Create(culture, $"{result.MeanDistanceToFrontier:0.00}"));
        Row(output, "distance to Nash", result.MeanDistanceToNash is { } nash ? string.Create(culture, $"{nash:0.00}") : "-");
        foreach (var party in scenario.Parties)
        {
            var profile = scenario.Profiles[party.Index];
            var gain = result.MeanScoreOverReservation[party.Index];
            Row(output, $"{party.Id} score", string.Create(culture, $"{profile.Reservation + gain:0.00} (reservation {profile.Reservation:0.00}, {gain:+0.00;-0.00;0.00})"));
        }
    }

    private static void Row(TextWriter output, string label, string value) => output.WriteLine($"  {label,-22}{value}");
}
