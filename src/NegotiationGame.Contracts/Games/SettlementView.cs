using System.Collections.Immutable;

namespace NegotiationGame.Contracts.Games;

/// <summary>
/// How one issue stands settled: the agreed option, the agreement that settled it, whether it binds, who signed, and
/// who still must sign for it to bind. Public: every participant may see the agreements board.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.SettlementView")]
public sealed record SettlementView(
    [property: Id(0)] string IssueId,
    [property: Id(1)] string OptionId,
    [property: Id(2)] int AgreementId,
    [property: Id(3)] bool Binding,
    [property: Id(4)] ImmutableArray<string> Signatories,
    [property: Id(5)] ImmutableArray<string> StillMustSign);
