using System.Collections.Immutable;

namespace NegotiationGame.Scenarios.Genius;

/// <summary>
/// A GENIUS preference profile as written, ordered like its domain: a weight per issue, an evaluation per item,
/// and the reservation value and discount factor when the file has them.
/// </summary>
internal sealed record GeniusProfile(
    GeniusFile File,
    ImmutableArray<decimal> Weights,
    ImmutableArray<ImmutableArray<decimal>> Evaluations,
    decimal? Reservation,
    decimal? DiscountFactor);
