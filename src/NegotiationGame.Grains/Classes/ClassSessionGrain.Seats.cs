using System.Security.Cryptography;
using System.Text;
using NegotiationGame.Contracts.Classes;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.Contracts.Games;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.EventLog;

namespace NegotiationGame.Grains.Classes;

/// <summary>
/// Seats that survive lost tabs: a student's browser gets its seat back with the seat secret; a student on a new
/// device, or a latecomer, asks and the instructor answers; the instructor reseats students and hands roles between
/// students and bots while the games run.
/// </summary>
public sealed partial class ClassSessionGrain
{
    /// <summary>How many seat requests may wait for the instructor at once: enough for a class, too few to bury the page.</summary>
    public const int MaxPendingSeatRequests = 50;

    private const string UnknownSeat = "UnknownSeat";

    public Task<JoinOutcome> Rejoin(Guid seatId, string seatSecret)
    {
        var state = RequireState();
        var seat = state.SeatOf(seatId);
        var matches = SeatSecrets.Matches(seatSecret, seat is null ? null : state.SecretHashOf(seatId));
        return Task.FromResult(matches && seat is not null ? new JoinOutcome(seat, null, null) : NotRecognised());
    }

    public async Task<SeatRequestTicket> RequestSeat(string code, string displayName)
    {
        var state = RequireState();
        if (CodeOf(state, code) is not { } joinCode)
        {
            return new SeatRequestTicket(null, null, "UnknownCode", "That join code does not belong to this class.");
        }

        if (ValidName(displayName) is not { } name)
        {
            var invalid = InvalidName();
            return new SeatRequestTicket(null, null, invalid.ErrorCode, invalid.ErrorMessage);
        }

        if (state.PendingRequests.Count() >= MaxPendingSeatRequests)
        {
            return new SeatRequestTicket(null, null, ClassFull, "Too many students are waiting for the instructor; try again in a minute.");
        }

        var likelySeat = state.Roster.FirstOrDefault(seat =>
            string.Equals(seat.DisplayName, name, StringComparison.OrdinalIgnoreCase) &&
            (joinCode.GameId is null || (seat.GameId, seat.PartyId) == (joinCode.GameId, joinCode.PartyId)));
        var request = new SeatRequest(Guid.NewGuid(), name, joinCode.GameId, joinCode.PartyId, likelySeat?.SeatId, clock.GetUtcNow());
        var secret = SeatSecrets.New();
        await AppendAsync(state, new SeatRequested(request, SeatSecrets.Hash(secret)));
        return new SeatRequestTicket(request, secret, null, null);
    }

    public async Task<SeatRequestReply> CollectSeat(Guid requestId, string requestSecret)
    {
        var state = RequireState();
        var open = state.RequestOf(requestId);
        if (!SeatSecrets.Matches(requestSecret, open?.SecretHash) || open is null)
        {
            return new SeatRequestReply(SeatRequestStatus.Denied, NotRecognised());
        }

        if (open.Answered is not { } answer)
        {
            return new SeatRequestReply(SeatRequestStatus.Pending, new JoinOutcome(null, null, null));
        }

        // The answer is handed out once; the seat's new secret (and generation) makes this browser its only holder.
        if (answer.SeatId is not { } seatId || state.SeatOf(seatId) is null)
        {
            await AppendAsync(state, new SeatRequestCollected(requestId));
            return new SeatRequestReply(SeatRequestStatus.Denied, new JoinOutcome(null, null, null));
        }

        var secret = SeatSecrets.New();
        await AppendAllAsync(state, new SeatSecretIssued(seatId, SeatSecrets.Hash(secret)), new SeatRequestCollected(requestId));
        return new SeatRequestReply(SeatRequestStatus.Approved, new JoinOutcome(state.SeatOf(seatId), null, null, secret));
    }

    public async Task<JoinOutcome> AnswerSeatRequest(SeatRequestAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var state = RequireState();
        if (state.RequestOf(answer.RequestId) is not { Answered: null } open)
        {
            return new JoinOutcome(null, UnknownSeat, "Nobody is waiting with that request (it was answered or withdrawn).");
        }

        if (!answer.Approve)
        {
            await AppendAsync(state, new SeatRequestAnswered(answer.RequestId, null));
            return new JoinOutcome(null, null, null);
        }

        if (answer.SeatId is { } seatId)
        {
            if (state.SeatOf(seatId) is not { } seat)
            {
                return new JoinOutcome(null, UnknownSeat, "No student holds that seat in this class.");
            }

            await AppendAsync(state, new SeatRequestAnswered(answer.RequestId, seatId));
            return new JoinOutcome(seat, null, null);
        }

        if (answer.GameId is not { } gameId || answer.PartyId is not { } partyId || !state.IsRole(gameId, partyId))
        {
            return UnknownRole(answer.GameId, answer.PartyId);
        }

        if (state.IsFull(gameId, partyId))
        {
            return new JoinOutcome(null, ClassFull, $"That team is full ({state.Created.MaxSeatsPerRole} students).");
        }

        if (await TakeFromBotAsync(state, gameId, partyId) is { } refusal)
        {
            return refusal;
        }

        var newSeat = Guid.NewGuid();
        await AppendAllAsync(state, new SeatTaken(newSeat, open.Request.DisplayName, gameId, partyId), new SeatRequestAnswered(answer.RequestId, newSeat));
        return new JoinOutcome(state.SeatOf(newSeat), null, null);
    }

    public async Task<JoinOutcome> SetBot(string gameId, string partyId, string botStrategy)
    {
        var state = RequireState();
        if (!BotStrategyNames.TryParse(botStrategy, out var strategy))
        {
            throw new ArgumentException($"Unknown bot strategy '{botStrategy}' (boulware, conceder, linear, tit-for-tat).", nameof(botStrategy));
        }

        if (!state.IsRole(gameId, partyId))
        {
            return UnknownRole(gameId, partyId);
        }

        if (state.Bots is null)
        {
            return new JoinOutcome(null, ServiceErrorCodes.GameNotFound, "The games have not started; bots take the empty roles at the start.");
        }

        var bot = BotStrategyNames.ToName(strategy);
        var outcome = await ChangePlayerAsync(state, gameId, partyId, bot);
        if (!outcome.Accepted)
        {
            return new JoinOutcome(null, outcome.ErrorCode, outcome.ErrorMessage);
        }

        ClassEvent[] changes =
        [
            new RolePlayerChanged(gameId, partyId, bot),
            .. state.Roster.Where(seat => (seat.GameId, seat.PartyId) == (gameId, partyId)).Select(seat => new SeatReleased(seat.SeatId)),
        ];
        await AppendAllAsync(state, changes);
        return new JoinOutcome(null, null, null);
    }

    public Task<Seat?> GetSeat(Guid seatId) => Task.FromResult(_state?.SeatOf(seatId));

    /// <summary>
    /// If a bot plays the role in a started game, the game hands the role to students first (and the class records it
    /// after, in the same write as the seat change); null when that went well or there was no bot, else the refusal.
    /// </summary>
    private async Task<JoinOutcome?> TakeFromBotAsync(ClassState state, string gameId, string partyId)
    {
        if (state.BotOf(gameId, partyId) is null)
        {
            return null;
        }

        var outcome = await ChangePlayerAsync(state, gameId, partyId, null);
        if (!outcome.Accepted)
        {
            return new JoinOutcome(null, outcome.ErrorCode, outcome.ErrorMessage);
        }

        await AppendAsync(state, new RolePlayerChanged(gameId, partyId, null));
        return null;
    }

    /// <summary>
    /// Tells the game who plays the party from now on. The command id is derived from the class's log position, so an
    /// instructor's retry after a lost reply changes the game once; the game is told before the class records it, so
    /// the class never believes in a change its game refused.
    /// </summary>
    private Task<CommandOutcome> ChangePlayerAsync(ClassState state, string gameId, string partyId, string? bot)
    {
        var commandId = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{ClassId}/{state.LastSequence + 1}/player/{gameId}/{partyId}/{bot}")).AsSpan(0, 16));
        var change = new GameCommandRequest(commandId, Actors.Instructor, new ChangePlayerBody(partyId, bot), CommandOrigin.Server);
        return GrainFactory.GetGrain<IGameGrain>(gameId).Execute(change);
    }

    /// <summary>
    /// Before a seat change is acknowledged, the games the seats left hear of it, so that an earlier token stops from
    /// then on: each forgets the seats it checked players' commands against, and tells its watching hosts, which stop
    /// feeding connections that watch with such a token (<paramref name="before"/>: each changed seat as it was).
    /// </summary>
    private async Task TellSeatChangesAsync(ClassState state, List<Seat> before)
    {
        if (state.Bots is null)
        {
            // Before the start no game exists: none has checked a seat, and no host watches one.
            return;
        }

        await Task.WhenAll(before
            .GroupBy(seat => seat.GameId, StringComparer.Ordinal)
            .Select(left => GrainFactory.GetGrain<IGameGrain>(left.Key).SeatsChanged([.. left.Select(seat => new SeatChange(seat.SeatId, state.SeatOf(seat.SeatId)))])));
    }

    private static JoinCode? CodeOf(ClassState state, string? code) =>
        state.Created.Codes.FirstOrDefault(c => string.Equals(c.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string? ValidName(string? displayName)
    {
        var name = displayName?.Trim() ?? string.Empty;
        return name.Length is 0 or > MaxDisplayNameLength || !PlainText.IsSingleLine(name) ? null : name;
    }

    private static JoinOutcome InvalidName() =>
        new(null, "InvalidName", $"Your name must be 1 to {MaxDisplayNameLength} characters on one line, without control characters.");

    private static JoinOutcome UnknownRole(string? gameId, string? partyId) =>
        new(null, "UnknownRole", $"This class has no party '{partyId}' in a game '{gameId}'.");

    private static JoinOutcome NotRecognised() =>
        new(null, UnknownSeat, "This browser's seat is not recognised; ask the instructor to seat you.");
}
