using System.Collections.Immutable;
using NegotiationGame.Domain.Outcomes;

namespace NegotiationGame.Domain.Analytics;

/// <summary>A complete outcome singled out by the analysis, with every party's utility in the scenario's utility units.</summary>
public sealed record RankedOutcome(long Index, Package Package, ImmutableArray<int> Utilities);
