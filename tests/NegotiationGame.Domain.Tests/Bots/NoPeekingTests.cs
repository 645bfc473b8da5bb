using System.Reflection;
using System.Text.Json.Nodes;
using NegotiationGame.Domain.Bots;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Negotiation.Commands;
using NegotiationGame.Domain.Scenarios;
using NegotiationGame.Domain.Tests.Support;
using static NegotiationGame.Domain.Tests.Support.TestScenarios;

namespace NegotiationGame.Domain.Tests.Bots;

public sealed class NoPeekingTests
{
    [Fact]
    public void What_a_bot_decides_from_holds_no_scenario_and_no_profile()
    {
        Type[] forbidden = [typeof(Scenario), typeof(PartyProfile), typeof(UtilityTable), typeof(GameState)];

        var exposed = typeof(BotView).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(property => property.PropertyType)
            .Concat(typeof(OwnPreferences).GetFields(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Instance).Select(field => field.FieldType))
            .ToArray();

        Assert.DoesNotContain(exposed, type => forbidden.Any(bad => bad.IsAssignableFrom(type) || type.GenericTypeArguments.Contains(bad)));
    }

    [Fact]
    public void A_bot_decides_the_same_whatever_the_other_parties_profiles_say()
    {
        var original = MiniTalks();
        var altered = WithOthersProfilesReversed(MiniTalksJson(), keep: "us");
        Assert.NotEqual(original.Utilities.Utility(Russia, Package((Donetsk, Recognised))), altered.Utilities.Utility(Russia, Package((Donetsk, Recognised))));

        foreach (var strategy in Enum.GetValues<BotStrategy>())
        {
            foreach (var turn in Enum.GetValues<BotTurn>())
            {
                Assert.Equal(Decisions(original, strategy, turn), Decisions(altered, strategy, turn));
            }
        }
    }

    private static PartyCommand[] Decisions(Scenario scenario, BotStrategy strategy, BotTurn turn)
    {
        var game = new GameDriver(scenario);
        game.Accept(new StartNegotiation());
        game.Accept(new TableOffer(Russia, Package((Donetsk, Recognised), (Security, NoGuarantees), (Sanctions, Lifted)), Parties(Us, Ukraine)));
        game.Accept(new TableOffer(Ukraine, Package((Donetsk, Returned), (Security, EuropeanForce), (Sanctions, Kept)), Parties(Us, Russia)));
        game.Accept(new AdvanceRound());
        game.Accept(new TableOffer(Eu, Package((Donetsk, Frozen), (Security, EuropeanForce), (Sanctions, Kept)), Parties(Us, Russia, Ukraine)));
        return [.. NegotiationBot.Decide(game.State, Us, strategy, seed: 5, turn)];
    }

    /// <summary>The same scenario with every other party's option values reversed on each issue.</summary>
    private static Scenario WithOthersProfilesReversed(string json, string keep)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        foreach (var (party, profile) in root["profiles"]!.AsObject())
        {
            if (party == keep)
            {
                continue;
            }

            foreach (var (_, values) in profile!["values"]!.AsObject())
            {
                var options = values!.AsObject().Select(pair => (pair.Key, Value: pair.Value!.GetValue<int>())).ToArray();
                for (var i = 0; i < options.Length; i++)
                {
                    values[options[i].Key] = options[options.Length - 1 - i].Value;
                }
            }

            profile["redLines"] = new JsonArray();
        }

        var loaded = ScenarioLoader.Load(root.ToJsonString());
        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Problems));
        return loaded.Scenario!;
    }
}
