namespace NegotiationGame.Domain.Bots;

/// <summary>How a bot concedes over time; docs/bots.md describes each one.</summary>
public enum BotStrategy
{
    /// <summary>Holds out and concedes late: aspiration falls as 1 − t^(1/0.2).</summary>
    Boulware,

    /// <summary>Concedes early: aspiration falls as 1 − t^(1/3).</summary>
    Conceder,

    /// <summary>Concedes evenly from its best outcome to its reservation value.</summary>
    Linear,

    /// <summary>Concedes as much, in its own utility, as the others have conceded to it.</summary>
    TitForTat,
}
