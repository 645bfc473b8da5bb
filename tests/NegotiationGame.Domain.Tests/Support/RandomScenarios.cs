using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Domain.Tests.Support;

/// <summary>Small random but valid scenarios, written as JSON and read by the real loader.</summary>
internal static class RandomScenarios
{
    /// <summary>A recipe rather than a scenario, so a failing case prints as something a person can read.</summary>
    /// <remarks><paramref name="ExactWeights"/>, when given, are written instead of <paramref name="Weights"/>.</remarks>
    public sealed record Recipe(int Parties, int[] OptionCounts, int[][] Weights, int[][][] Values, int[] Reservations, int[][] RedLines, int[] Signatories, decimal[][]? ExactWeights = null)
    {
        public Scenario Build() => ScenarioLoader.LoadOrThrow(ToJson(), "random");

        public override string ToString() => ToJson();

        public string ToJson()
        {
            var parties = new JsonArray([.. Enumerable.Range(0, Parties).Select(p => (JsonNode)new JsonObject { ["id"] = PartyId(p), ["name"] = $"Party {p}", ["leader"] = $"Leader {p}" })]);
            var issues = new JsonArray([.. OptionCounts.Select((options, i) => (JsonNode)new JsonObject
            {
                ["id"] = IssueId(i),
                ["name"] = $"Issue {i}",
                ["group"] = "Random",
                ["description"] = "Generated.",
                ["options"] = new JsonArray([.. Enumerable.Range(0, options).Select(o => (JsonNode)new JsonObject { ["id"] = OptionId(o), ["label"] = $"Option {o}" })]),
                ["noDeal"] = OptionId(0),
                ["signatories"] = new JsonArray([.. Enumerable.Range(0, Parties).Where(p => (Signatories[i] & (1 << p)) != 0).Select(p => (JsonNode)PartyId(p)!)]),
            })]);
            var profiles = new JsonObject();
            for (var p = 0; p < Parties; p++)
            {
                profiles[PartyId(p)] = new JsonObject
                {
                    ["weights"] = new JsonObject(OptionCounts.Select((_, i) => KeyValuePair.Create(IssueId(i), ExactWeights is null ? (JsonNode?)Weights[p][i] : (JsonNode?)ExactWeights[p][i]))),
                    ["values"] = new JsonObject(OptionCounts.Select((options, i) => KeyValuePair.Create(
                        IssueId(i),
                        (JsonNode?)new JsonObject(Enumerable.Range(0, options).Select(o => KeyValuePair.Create(OptionId(o), (JsonNode?)Values[p][i][o])))))),
                    ["reservation"] = Reservations[p] / 100.0,
                    ["redLines"] = new JsonArray([.. RedLines[p].Select(issue => (JsonNode)new JsonObject { ["issue"] = IssueId(issue), ["option"] = OptionId(1) })]),
                    ["briefing"] = "Generated.",
                };
            }

            return new JsonObject
            {
                ["formatVersion"] = 1,
                ["id"] = "random",
                ["title"] = "Random",
                ["summary"] = "Generated.",
                ["rounds"] = 3,
                ["publicBackground"] = "Generated.",
                ["parties"] = parties,
                ["issues"] = issues,
                ["profiles"] = profiles,
            }.ToJsonString();
        }

        private static string PartyId(int p) => "p" + p.ToString(CultureInfo.InvariantCulture);

        private static string IssueId(int i) => "i" + i.ToString(CultureInfo.InvariantCulture);

        private static string OptionId(int o) => "o" + o.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary><paramref name="minParties"/> to <paramref name="maxParties"/> parties, 1 to 4 issues of 2 to 4 options; values often tie.</summary>
    public static Gen<Recipe> Recipes(int maxParties = 5, int minParties = 2) =>
        from parties in Gen.Int[minParties, maxParties]
        from optionCounts in Gen.Int[2, 4].Array[1, 4]
        from seed in Gen.Int
        select Draw(parties, optionCounts, new Random(seed));

    /// <summary>
    /// Like <see cref="Recipes"/>, with decimal weights that do not sum to 100: each party's weights split a total
    /// of 3, 7, 12, 40 or 100 parts, scaled by 1, 0.5, 0.125 or 0.01, so the utility unit is 1/100 to 1/4,200 of a
    /// point. <paramref name="finest"/> instead gives every party weights in millionths summing to 1 (unit 1/10⁶).
    /// </summary>
    public static Gen<Recipe> FractionalRecipes(int maxParties = 5, int minParties = 2, bool finest = false) =>
        from recipe in Recipes(maxParties, minParties)
        from seed in Gen.Int
        select WithFractionalWeights(recipe, new Random(seed), finest);

    private static Recipe WithFractionalWeights(Recipe recipe, Random random, bool finest)
    {
        int[] totals = [3, 7, 12, 40, 100];
        decimal[] scales = [1m, 0.5m, 0.125m, 0.01m];
        var issues = recipe.OptionCounts.Length;
        var weights = new decimal[recipe.Parties][];
        for (var p = 0; p < recipe.Parties; p++)
        {
            var total = finest ? 1_000_000 : totals[random.Next(totals.Length)];
            var cuts = Enumerable.Range(0, issues - 1).Select(_ => random.Next(total + 1)).Order().Prepend(0).Append(total).ToArray();
            if (finest && issues > 1)
            {
                cuts[1] = 1;
                Array.Sort(cuts);
            }

            var scale = finest ? 0.000001m : scales[random.Next(scales.Length)];
            weights[p] = [.. Enumerable.Range(0, issues).Select(i => (cuts[i + 1] - cuts[i]) * scale)];
            if (weights[p].All(weight => weight == 0))
            {
                weights[p][0] = scale;
            }
        }

        return recipe with { ExactWeights = weights };
    }

    /// <summary>A seeded scenario of a chosen size, for checks on large outcome spaces.</summary>
    public static Recipe Sized(int parties, int issues, int options, int seed) =>
        Draw(parties, [.. Enumerable.Repeat(options, issues)], new Random(seed));

    private static Recipe Draw(int parties, int[] optionCounts, Random random)
    {
        var issues = optionCounts.Length;
        var coarse = random.Next(2) == 0;
        var weights = new int[parties][];
        var values = new int[parties][][];
        var reservations = new int[parties];
        var redLines = new int[parties][];
        for (var p = 0; p < parties; p++)
        {
            var cuts = Enumerable.Range(0, issues - 1).Select(_ => random.Next(101)).Order().Prepend(0).Append(100).ToArray();
            weights[p] = [.. Enumerable.Range(0, issues).Select(i => cuts[i + 1] - cuts[i])];
            values[p] = [.. optionCounts.Select(options => Enumerable.Range(0, options).Select(_ => coarse ? random.Next(5) * 25 : random.Next(101)).ToArray())];
            reservations[p] = random.Next(0, 7001);
            redLines[p] = [.. Enumerable.Range(0, issues).Where(_ => random.Next(4) == 0)];
        }

        var signatories = optionCounts.Select(_ => random.Next(1, 1 << parties)).ToArray();
        return new Recipe(parties, optionCounts, weights, values, reservations, redLines, signatories);
    }
}
