using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NegotiationGame.Contracts.Classes;

namespace NegotiationGame.Grains.Classes;

/// <summary>What happens to a class session, kept in its own stream of the event store (<c>class/{id}</c>).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ClassCreated), nameof(ClassCreated))]
[JsonDerivedType(typeof(SeatTaken), nameof(SeatTaken))]
[JsonDerivedType(typeof(SeatMoved), nameof(SeatMoved))]
[JsonDerivedType(typeof(ClassStarted), nameof(ClassStarted))]
[JsonDerivedType(typeof(RevealPolicySet), nameof(RevealPolicySet))]
[JsonDerivedType(typeof(InstructorLinkReissued), nameof(InstructorLinkReissued))]
internal abstract record ClassEvent;

internal sealed record ClassCreated(
    string Title,
    string ScenarioJson,
    int GameCount,
    int BriefingSeconds,
    int RoundSeconds,
    int Seed,
    ImmutableArray<JoinCode> Codes,
    int SpectatorDelaySeconds = 0,
    int MaxSeatsPerRole = CreateClassRequest.DefaultSeatsPerRole) : ClassEvent;

internal sealed record SeatTaken(Guid SeatId, string DisplayName, string GameId, string PartyId) : ClassEvent;

internal sealed record SeatMoved(Guid SeatId, string GameId, string PartyId) : ClassEvent;

/// <summary>The class started; <paramref name="Bots"/> maps "gameId/partyId" to the strategy of the bot playing that role.</summary>
internal sealed record ClassStarted(ImmutableDictionary<string, string> Bots) : ClassEvent;

internal sealed record RevealPolicySet(bool RevealPrivateAfterEnd) : ClassEvent;

/// <summary>The instructor asked for a new link: tokens of earlier generations no longer count.</summary>
internal sealed record InstructorLinkReissued(int Generation) : ClassEvent;
