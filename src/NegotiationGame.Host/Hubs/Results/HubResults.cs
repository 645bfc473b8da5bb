using System.Collections.Immutable;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.Domain.Scenarios;
using NegotiationGame.Host.Scenarios;

namespace NegotiationGame.Host.Hubs.Results;

/// <summary>The refusals every method shares, and a command's outcome as a result.</summary>
internal static class HubResults
{
    public static HubFailure Failure(string code, string message) => new(new HubError(code, message));

    public static HubFailure Unauthorized() => Failure(HubErrorCodes.Unauthorized, "Sign in again: this request carries no valid token.");

    public static HubFailure Forbidden(string message) => Failure(HubErrorCodes.Forbidden, message);

    public static HubFailure Invalid(string message) => Failure(HubErrorCodes.InvalidRequest, message);

    public static HubFailure InvalidScenario(ImmutableArray<ScenarioProblem> problems) => new(new HubError(
        HubErrorCodes.InvalidScenario, UploadedScenarioCheck.Describe(problems), Problems: [.. problems.Take(UploadedScenarioCheck.MaxProblemsListed)]));

    public static HubFailure RateLimited(TimeSpan retryAfter) => new(new HubError(
        HubErrorCodes.RateLimited, "Too many requests; wait a moment and try again.", Math.Ceiling(retryAfter.TotalSeconds)));

    public static HubResult Of(CommandOutcome outcome) => outcome.Accepted
        ? new CommandResult(outcome.LastSequence)
        : Failure(outcome.ErrorCode ?? HubErrorCodes.ServerError, outcome.ErrorMessage ?? "The command was refused.");
}
