using System.Collections.Immutable;
using NegotiationGame.Domain.Outcomes;

namespace NegotiationGame.Domain.Analytics;

/// <summary>A complete outcome singled out by the analysis, with every party's utility in hundredths of a point.</summary>
public sealed record RankedOutcome(long Index, Package Package, ImmutableArray<int> Utilities);
