using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NegotiationGame.Scenarios.Genius;

/// <summary>
/// Writes the scenario file for an imported domain. What GENIUS does not say gets the documented defaults: every
/// party signs every issue, an open issue counts at the option the parties value least in total, neutral texts
/// that name the source files, and the party's own numbers in its briefing.
/// </summary>
internal static class GeniusScenarioWriter
{
    private const int MaxNameLength = 100;
    private const int MaxLabelLength = 200;
    private const int MaxTextLength = 20_000;

    // 16 issues of 16 options stay well within a briefing's length with labels this long.
    private const int MaxBriefingLabelLength = 60;

    // A scenario file is data read by the loader, never pasted into HTML, so names and apostrophes stay readable.
    private static readonly JavaScriptEncoder FileEncoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static string Write(GeniusImportPlan plan)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = FileEncoder }))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", 1);
            json.WriteString("id", plan.ScenarioId);
            json.WriteString("title", Fit($"{plan.DomainTitle} (GENIUS)", MaxLabelLength));
            json.WriteString("summary", Invariant($"{plan.Parties.Length} parties settle {plan.Issues.Length} issues; imported from the GENIUS domain {plan.DomainFile.Name}."));
            json.WriteNumber("rounds", plan.Rounds);
            json.WriteString("publicBackground", PublicBackground(plan));
            WriteParties(json, plan);
            WriteIssues(json, plan);
            WriteProfiles(json, plan);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>A name cut to the format's length, so that a long GENIUS name does not refuse the whole import.</summary>
    public static string Fit(string text, int maxLength) => text.Length <= maxLength ? text : text[..(maxLength - 1)].TrimEnd() + "…";

    private static void WriteParties(Utf8JsonWriter json, GeniusImportPlan plan)
    {
        json.WriteStartArray("parties");
        foreach (var party in plan.Parties)
        {
            json.WriteStartObject();
            json.WriteString("id", party.Id);
            json.WriteString("name", Fit(party.Name, MaxNameLength));
            json.WriteString("leader", Fit(party.Name, MaxNameLength));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteIssues(Utf8JsonWriter json, GeniusImportPlan plan)
    {
        json.WriteStartArray("issues");
        for (var issue = 0; issue < plan.Issues.Length; issue++)
        {
            var imported = plan.Issues[issue];
            json.WriteStartObject();
            json.WriteString("id", imported.Id);
            json.WriteString("name", Fit(imported.Source.Name, MaxNameLength));
            json.WriteString("group", Fit(plan.DomainTitle, MaxNameLength));
            json.WriteString("description", Invariant($"Issue {issue + 1} of the GENIUS domain {plan.DomainFile.Name}: one of {imported.OptionIds.Length} options."));
            json.WriteStartArray("options");
            for (var option = 0; option < imported.OptionIds.Length; option++)
            {
                json.WriteStartObject();
                json.WriteString("id", imported.OptionIds[option]);
                json.WriteString("label", Fit(imported.Source.Items[option], MaxLabelLength));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("noDeal", imported.OptionIds[plan.NoDealOption(issue)]);
            json.WriteStartArray("signatories");
            foreach (var party in plan.Parties)
            {
                json.WriteStringValue(party.Id);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteProfiles(Utf8JsonWriter json, GeniusImportPlan plan)
    {
        json.WriteStartObject("profiles");
        foreach (var party in plan.Parties)
        {
            var conversion = party.Conversion;
            json.WriteStartObject(party.Id);
            json.WriteStartObject("weights");
            for (var issue = 0; issue < plan.Issues.Length; issue++)
            {
                json.WriteNumber(plan.Issues[issue].Id, conversion.Weights[issue]);
            }

            json.WriteEndObject();
            json.WriteStartObject("values");
            for (var issue = 0; issue < plan.Issues.Length; issue++)
            {
                json.WriteStartObject(plan.Issues[issue].Id);
                for (var option = 0; option < plan.Issues[issue].OptionIds.Length; option++)
                {
                    json.WriteNumber(plan.Issues[issue].OptionIds[option], conversion.Values[issue][option]);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteNumber("reservation", conversion.ReservationPoints);
            if (conversion.DiscountPerRound is { } discount)
            {
                json.WriteNumber("discountPerRound", discount);
            }

            json.WriteString("briefing", Briefing(plan, party));
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static string PublicBackground(GeniusImportPlan plan) => Invariant(
        $"""
        This scenario was imported from the GENIUS domain {plan.DomainFile.Name} with the preference profiles {string.Join(", ", plan.Parties.Select(party => party.File.Name))}, one for each party.

        {plan.Parties.Length} parties negotiate {plan.Issues.Length} issues, each settled by choosing one of its options: {string.Join("; ", plan.Issues.Select(issue => $"{Fit(issue.Source.Name, MaxNameLength)} ({issue.OptionIds.Length} options)"))}.

        An agreement on an issue binds only when every party has signed it. Each party knows its own preferences and no one else's. The game has {plan.Rounds} rounds.
        """);

    private static string Briefing(GeniusImportPlan plan, GeniusImportPlan.ImportedParty party)
    {
        var conversion = party.Conversion;
        var weightSum = conversion.Weights.Sum();
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"You negotiate for {party.Name}. Your preferences are the GENIUS profile {party.File.Name}: a package is worth the weighted sum of what each of its options is worth to you, from 0 to 100 points.");
        builder.Append("\n\nWhat each issue weighs for you, and what its options are worth:");
        var order = Enumerable.Range(0, plan.Issues.Length).OrderByDescending(issue => conversion.Weights[issue]).ThenBy(issue => issue);
        foreach (var issue in order)
        {
            var source = plan.Issues[issue].Source;
            var options = source.Items.Select((label, option) => (label, value: conversion.Values[issue][option]))
                .OrderByDescending(pair => pair.value)
                .Select(pair => $"{Fit(pair.label, MaxBriefingLabelLength)} {pair.value}");
            builder.Append(CultureInfo.InvariantCulture, $"\n- {Fit(source.Name, MaxNameLength)}: {conversion.Weights[issue] / weightSum * 100:0.##} % ({string.Join(", ", options)})");
        }

        builder.Append(CultureInfo.InvariantCulture, $"\n\nWithout an agreement you get {conversion.ReservationPoints:0.##} points.");
        if (conversion.DiscountPerRound is { } discount)
        {
            builder.Append(CultureInfo.InvariantCulture, $" Delay costs you: a deal is worth {discount:0.####} of its value for every round after the first.");
        }

        return Fit(builder.ToString(), MaxTextLength);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
