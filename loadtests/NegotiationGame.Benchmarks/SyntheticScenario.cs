using System.Globalization;
using System.Text.Json.Nodes;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Benchmarks;

/// <summary>A seeded random scenario of any size, to measure analytics beyond the bundled 737,280 outcomes.</summary>
internal static class SyntheticScenario
{
    public static Scenario Create(int parties, int issues, int options, int seed)
    {
        var random = new Random(seed);
        string Party(int p) => "p" + p.ToString(CultureInfo.InvariantCulture);
        string IssueId(int i) => "i" + i.ToString(CultureInfo.InvariantCulture);
        string Option(int o) => "o" + o.ToString(CultureInfo.InvariantCulture);

        var profiles = new JsonObject();
        for (var p = 0; p < parties; p++)
        {
            var cuts = Enumerable.Range(0, issues - 1).Select(_ => random.Next(101)).Order().Prepend(0).Append(100).ToArray();
            profiles[Party(p)] = new JsonObject
            {
                ["weights"] = new JsonObject(Enumerable.Range(0, issues).Select(i => KeyValuePair.Create(IssueId(i), (JsonNode?)(cuts[i + 1] - cuts[i])))),
                ["values"] = new JsonObject(Enumerable.Range(0, issues).Select(i => KeyValuePair.Create(
                    IssueId(i),
                    (JsonNode?)new JsonObject(Enumerable.Range(0, options).Select(o => KeyValuePair.Create(Option(o), (JsonNode?)random.Next(101))))))),
                ["reservation"] = 50,
                ["briefing"] = "Synthetic.",
            };
        }

        var scenario = new JsonObject
        {
            ["formatVersion"] = 1,
            ["id"] = "synthetic",
            ["title"] = "Synthetic",
            ["summary"] = "Synthetic.",
            ["rounds"] = 6,
            ["publicBackground"] = "Synthetic.",
            ["parties"] = new JsonArray([.. Enumerable.Range(0, parties).Select(p => (JsonNode)new JsonObject { ["id"] = Party(p), ["name"] = Party(p), ["leader"] = Party(p) })]),
            ["issues"] = new JsonArray([.. Enumerable.Range(0, issues).Select(i => (JsonNode)new JsonObject
            {
                ["id"] = IssueId(i),
                ["name"] = IssueId(i),
                ["group"] = "Synthetic",
                ["description"] = "Synthetic.",
                ["options"] = new JsonArray([.. Enumerable.Range(0, options).Select(o => (JsonNode)new JsonObject { ["id"] = Option(o), ["label"] = Option(o) })]),
                ["noDeal"] = Option(0),
                ["signatories"] = new JsonArray(Party(0)),
            })]),
            ["profiles"] = profiles,
        };
        return ScenarioLoader.LoadOrThrow(scenario.ToJsonString(), "synthetic");
    }
}
