using NegotiationGame.Contracts.Commands;

namespace NegotiationGame.Host.Hubs;

/// <summary>The shapes every hub method answers with: <c>{ ok: true, … }</c> or <c>{ ok: false, error: { code, message } }</c>.</summary>
internal static class HubResults
{
    public static object Failure(string code, string message) => new { ok = false, error = new { code, message } };

    public static object Unauthorized() => Failure("Unauthorized", "Sign in again: this request carries no valid token.");

    public static object Forbidden(string message) => Failure("Forbidden", message);

    public static object Invalid(string message) => Failure("InvalidRequest", message);

    public static object Of(CommandOutcome outcome) => outcome.Accepted
        ? new { ok = true, lastSequence = outcome.LastSequence }
        : Failure(outcome.ErrorCode ?? "Refused", outcome.ErrorMessage ?? "The command was refused.");
}
