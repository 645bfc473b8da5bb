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
[JsonDerivedType(typeof(BriefingRevealSet), nameof(BriefingRevealSet))]
[JsonDerivedType(typeof(InstructorLinkReissued), nameof(InstructorLinkReissued))]
[JsonDerivedType(typeof(SeatSecretIssued), nameof(SeatSecretIssued))]
[JsonDerivedType(typeof(SeatReleased), nameof(SeatReleased))]
[JsonDerivedType(typeof(RolePlayerChanged), nameof(RolePlayerChanged))]
[JsonDerivedType(typeof(SeatRequested), nameof(SeatRequested))]
[JsonDerivedType(typeof(SeatRequestAnswered), nameof(SeatRequestAnswered))]
[JsonDerivedType(typeof(SeatRequestCollected), nameof(SeatRequestCollected))]
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

/// <summary>A student took a seat; <paramref name="SecretHash"/> is the SHA-256 of the secret their browser keeps (none in older logs).</summary>
internal sealed record SeatTaken(Guid SeatId, string DisplayName, string GameId, string PartyId, string? SecretHash = null) : ClassEvent;

/// <summary>The seat moved to another role; its earlier tokens stop counting.</summary>
internal sealed record SeatMoved(Guid SeatId, string GameId, string PartyId) : ClassEvent;

/// <summary>The seat went to another browser with a new secret; tokens and the secret of the one before stop counting.</summary>
internal sealed record SeatSecretIssued(Guid SeatId, string SecretHash) : ClassEvent;

/// <summary>The student left the roster (a bot took over their role).</summary>
internal sealed record SeatReleased(Guid SeatId) : ClassEvent;

/// <summary>A role of a started game is now played by a bot of <paramref name="Bot"/>'s strategy, or by students (null).</summary>
internal sealed record RolePlayerChanged(string GameId, string PartyId, string? Bot) : ClassEvent;

/// <summary>A student asked the instructor for a seat; <paramref name="SecretHash"/> is that of the secret that collects the answer.</summary>
internal sealed record SeatRequested(SeatRequest Request, string SecretHash) : ClassEvent;

/// <summary>The instructor answered; an approval names the seat the student gets.</summary>
internal sealed record SeatRequestAnswered(Guid RequestId, Guid? SeatId) : ClassEvent;

/// <summary>The requester collected the answer: the request is closed.</summary>
internal sealed record SeatRequestCollected(Guid RequestId) : ClassEvent;

/// <summary>
/// The class started; <paramref name="Bots"/> maps "gameId/partyId" to the strategy of the bot playing that role, and
/// <paramref name="UntimedBriefing"/> says the games open with a briefing that the instructor ends by hand.
/// </summary>
internal sealed record ClassStarted(ImmutableDictionary<string, string> Bots, bool UntimedBriefing = false) : ClassEvent;

internal sealed record RevealPolicySet(bool RevealPrivateAfterEnd) : ClassEvent;

/// <summary>Whether a player whose game has ended may read the other parties' reservations and confidential briefings.</summary>
internal sealed record BriefingRevealSet(bool RevealBriefingsAfterEnd) : ClassEvent;

/// <summary>The instructor asked for a new link: tokens of earlier generations no longer count.</summary>
internal sealed record InstructorLinkReissued(int Generation) : ClassEvent;
