using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Negotiation.Commands;
using NegotiationGame.Domain.Negotiation.Events;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Domain.Tests.Support;

/// <summary>Plays commands through Decide and Apply, asserting each is accepted or refused as the test expects.</summary>
internal sealed class GameDriver(GameState start)
{
    public GameDriver(Scenario scenario)
        : this(GameState.Start(scenario))
    {
    }

    public GameState State { get; private set; } = start;

    public List<GameEvent> Log { get; } = [];

    public static GameDriver Negotiating(Scenario? scenario = null)
    {
        var driver = new GameDriver(scenario ?? TestScenarios.MiniTalks());
        driver.Accept(new StartNegotiation());
        return driver;
    }

    public IReadOnlyList<GameEvent> Accept(GameCommand command)
    {
        var decision = GameRules.Decide(State, command);
        Assert.True(decision.IsAccepted, $"{command} was refused: {decision.Violation}");
        State = GameRules.ApplyAll(State, decision.Events);
        Log.AddRange(decision.Events);
        return decision.Events;
    }

    public RuleViolation Refuse(GameCommand command, RuleViolationCode expected)
    {
        var before = GameStateHash.Compute(State);
        var decision = GameRules.Decide(State, command);
        Assert.False(decision.IsAccepted, $"{command} was accepted, expected {expected}");
        Assert.Equal(expected, decision.Violation.Code);
        Assert.Empty(decision.Events);
        Assert.Equal(before, GameStateHash.Compute(State));
        return decision.Violation;
    }
}
