using System.Text.Json.Nodes;
using NegotiationGame.Domain.Outcomes;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Domain.Tests.Support;

/// <summary>
/// "mini-talks" (Corpus/valid): four parties named as in the bundled scenario, and three issues with its consent
/// structure. Donetsk needs Ukraine and Russia; security needs Ukraine (and the force provider); sanctions need the
/// US and the EU.
/// </summary>
internal static class TestScenarios
{
    public const int Us = 0;
    public const int Russia = 1;
    public const int Ukraine = 2;
    public const int Eu = 3;

    public const int Donetsk = 0;
    public const int Security = 1;
    public const int Sanctions = 2;

    public const int Returned = 0;
    public const int Frozen = 1;
    public const int Recognised = 2;

    public const int UsTroops = 0;
    public const int EuropeanForce = 1;
    public const int NoGuarantees = 2;

    public const int Kept = 0;
    public const int Lifted = 1;

    private static readonly Lazy<Scenario> Mini = new(() => ScenarioLoader.LoadOrThrow(MiniTalksJson(), "mini-talks"));

    public static Scenario MiniTalks() => Mini.Value;

    public static string MiniTalksJson() => File.ReadAllText(CorpusPath("valid", "mini-talks.json"));

    public static string CorpusPath(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Scenarios", "Corpus", .. parts]);

    public static PartySet Parties(params int[] parties) => parties.Aggregate(PartySet.Empty, (set, party) => set.With(party));

    public static Package Package(params (int Issue, int Option)[] choices) =>
        choices.Aggregate(Outcomes.Package.Empty, (package, choice) => package.With(choice.Issue, choice.Option));

    /// <summary>The scenario's JSON with one party's weights replaced by the given numbers, written as JSON literals.</summary>
    public static string WithWeights(string json, string party, params (string Issue, string Weight)[] weights)
    {
        var root = JsonNode.Parse(json)!;
        root["profiles"]![party]!["weights"] = new JsonObject(weights.Select(weight => KeyValuePair.Create(weight.Issue, JsonNode.Parse(weight.Weight))));
        return root.ToJsonString();
    }
}
