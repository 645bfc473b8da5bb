namespace NegotiationGame.Domain.Negotiation;

public enum GameEndReason
{
    /// <summary>The last round closed.</summary>
    Deadline,

    /// <summary>A binding agreement covers every issue.</summary>
    AllIssuesBound,

    /// <summary>The instructor ended the game.</summary>
    Instructor,

    /// <summary>Fewer than two parties are left at the table.</summary>
    Walkouts,
}
