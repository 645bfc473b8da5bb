namespace NegotiationGame.Contracts.Commands;

/// <summary>
/// Refusals that come from the service rather than from the negotiation rules (whose codes are the names of the
/// core's RuleViolationCode). Stable: never renamed, only added to.
/// </summary>
public static class ServiceErrorCodes
{
    public const string GameNotFound = "GameNotFound";
    public const string NotInstructor = "NotInstructor";
    public const string UnknownCommand = "UnknownCommand";

    /// <summary>The sender already used this command id for a different command (a retry must repeat the command exactly).</summary>
    public const string DuplicateCommandId = "DuplicateCommandId";
}
