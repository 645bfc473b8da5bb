using System.Collections.Immutable;
using NegotiationGame.Contracts.Commands;

namespace NegotiationGame.Contracts.Classes;

/// <summary>
/// The answer to one instructor command sent to every game of a class: each game's own outcome (some may refuse, e.g.
/// one that has ended), or, with <paramref name="ErrorCode"/>, why no game was asked (ClassNotStarted, NotClassWide).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.ClassCommandOutcome")]
public sealed record ClassCommandOutcome(
    [property: Id(0)] ImmutableArray<GameCommandOutcome> Games,
    [property: Id(1)] string? ErrorCode = null,
    [property: Id(2)] string? ErrorMessage = null)
{
    public static ClassCommandOutcome Refused(string code, string message) => new([], code, message);
}

/// <summary>What one game of the class answered to a class-wide command.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.GameCommandOutcome")]
public sealed record GameCommandOutcome(
    [property: Id(0)] string GameId,
    [property: Id(1)] CommandOutcome Outcome);
