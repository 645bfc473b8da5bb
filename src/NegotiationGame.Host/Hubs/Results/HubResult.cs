using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Host.Hubs.Results;

/// <summary>
/// What every hub method answers: <c>{ "ok": true, … }</c> with the method's fields, or
/// <c>{ "ok": false, "error": { "code", "message" } }</c> (<see cref="HubFailure"/>).
/// </summary>
public abstract record HubResult
{
    [JsonPropertyOrder(-1)]
    public abstract bool Ok { get; }
}

/// <summary>A refusal. Programs read <see cref="HubError.Code"/>; the message is for people.</summary>
public sealed record HubFailure(HubError Error) : HubResult
{
    public override bool Ok => false;
}

/// <param name="Code">One of <see cref="HubErrorCodes"/> or a negotiation rule's code (docs/protocol.md).</param>
/// <param name="RetryAfterSeconds">With <c>RateLimited</c>: when the call may be tried again.</param>
/// <param name="Problems">With <c>InvalidScenario</c>: what is wrong with the file, each with its JSON path.</param>
public sealed record HubError(
    string Code,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? RetryAfterSeconds = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<ScenarioProblem>? Problems = null);

/// <summary>A success that has fields of its own.</summary>
public abstract record HubSuccess : HubResult
{
    public override bool Ok => true;
}
