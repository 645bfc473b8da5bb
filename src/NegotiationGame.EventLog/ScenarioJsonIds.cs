using System.Runtime.CompilerServices;
using System.Text.Json;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.EventLog;

/// <summary>
/// A scenario's party, issue and option ids, escaped for JSON once per scenario rather than on every event written.
/// </summary>
internal sealed class ScenarioJsonIds
{
    private static readonly ConditionalWeakTable<Scenario, ScenarioJsonIds> ByScenario = [];

    private readonly JsonEncodedText[] _parties;
    private readonly JsonEncodedText[] _issues;
    private readonly JsonEncodedText[][] _options;

    private ScenarioJsonIds(Scenario scenario)
    {
        _parties = [.. scenario.Parties.Select(party => JsonEncodedText.Encode(party.Id))];
        _issues = [.. scenario.Issues.Select(issue => JsonEncodedText.Encode(issue.Id))];
        _options = [.. scenario.Issues.Select(issue => issue.Options.Select(option => JsonEncodedText.Encode(option.Id)).ToArray())];
    }

    public static ScenarioJsonIds For(Scenario scenario) => ByScenario.GetValue(scenario, shared => new ScenarioJsonIds(shared));

    public JsonEncodedText Party(int party) => _parties[party];

    public JsonEncodedText Issue(int issue) => _issues[issue];

    public JsonEncodedText Option(int issue, int option) => _options[issue][option];
}
