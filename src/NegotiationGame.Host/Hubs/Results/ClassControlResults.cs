using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NegotiationGame.Contracts.Classes;

namespace NegotiationGame.Host.Hubs.Results;

/// <summary>A class-wide command's answer: what each game of the class made of it.</summary>
public sealed record ClassCommandResult(ImmutableArray<GameCommandResult> Games) : HubSuccess
{
    public static ClassCommandResult Of(ClassCommandOutcome outcome) => new([.. outcome.Games.Select(GameCommandResult.Of)]);
}

/// <summary>One game's answer: accepted up to <paramref name="LastSequence"/>, or refused with a typed error.</summary>
public sealed record GameCommandResult(
    string GameId,
    bool Ok,
    long LastSequence,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] HubError? Error)
{
    public static GameCommandResult Of(GameCommandOutcome game) => game.Outcome.Accepted
        ? new(game.GameId, true, game.Outcome.LastSequence, null)
        : new(game.GameId, false, game.Outcome.LastSequence, new HubError(game.Outcome.ErrorCode ?? HubErrorCodes.ServerError, game.Outcome.ErrorMessage ?? "The command was refused."));
}
