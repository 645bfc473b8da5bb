using NegotiationGame.Contracts.Classes;
using NegotiationGame.EventLog;
using NegotiationGame.Host.Access;
using NegotiationGame.Host.Hubs.Binding;
using NegotiationGame.Host.Hubs.Results;

namespace NegotiationGame.Host.Hubs;

/// <summary>
/// The seat methods (docs/protocol.md, "Seats"): a browser gets its seat back with its seat secret, a student without
/// one asks the instructor and collects the answer, and the instructor answers, moves students and puts bots in roles.
/// </summary>
public sealed partial class GameHub
{
    public async Task<HubResult> RejoinClass(HubRequest<RejoinClassRequest> argument)
    {
        var request = argument.Value;
        if (string.IsNullOrWhiteSpace(request.ClassId) || string.IsNullOrEmpty(request.SeatSecret))
        {
            return HubResults.Invalid("Give the class id, your seat id and its secret.");
        }

        return await ForClassAsync(request.ClassId, async seats => Seated(request.ClassId, await seats.Rejoin(request.SeatId, request.SeatSecret)));
    }

    public async Task<HubResult> AskForSeat(HubRequest<AskForSeatRequest> argument)
    {
        var request = argument.Value;
        if (string.IsNullOrWhiteSpace(request.ClassId) || string.IsNullOrWhiteSpace(request.Code))
        {
            return HubResults.Invalid("Give the class id and your join code.");
        }

        return await ForClassAsync(request.ClassId, async seats => await seats.RequestSeat(request.Code, request.Name) switch
        {
            { Request: { } asked, RequestSecret: { } secret } => new SeatRequestResult(asked.RequestId, secret),
            var refused => HubResults.Failure(refused.ErrorCode!, refused.ErrorMessage!),
        });
    }

    public async Task<HubResult> CollectSeat(HubRequest<CollectSeatRequest> argument)
    {
        var request = argument.Value;
        if (string.IsNullOrWhiteSpace(request.ClassId) || string.IsNullOrEmpty(request.RequestSecret))
        {
            return HubResults.Invalid("Give the class id, the request id and its secret.");
        }

        return await ForClassAsync(request.ClassId, async seats =>
        {
            var collected = await seats.CollectSeat(request.RequestId, request.RequestSecret);
            if (collected.Outcome.ErrorCode is { } code)
            {
                return HubResults.Failure(code, collected.Outcome.ErrorMessage!);
            }

            if (collected.Outcome is not { Seat: { } seat, SeatSecret: var secret })
            {
                return new SeatCollectionResult(collected.Status == SeatRequestStatus.Pending ? "pending" : "denied", null, null, null, null, null);
            }

            return new SeatCollectionResult("approved", PlayerToken(request.ClassId, seat), seat.GameId, seat.PartyId, seat.SeatId, secret);
        });
    }

    public async Task<HubResult> AnswerSeatRequest(HubRequest<SeatAnswerRequest> argument)
    {
        var request = argument.Value;
        return await ChangeSeatsAsync(request.Token, request.GameId, seats =>
            seats.AnswerSeatRequest(new SeatRequestAnswer(request.RequestId, request.Approve, request.SeatId, request.GameId, request.PartyId)));
    }

    public async Task<HubResult> MoveSeat(HubRequest<MoveSeatRequest> argument)
    {
        var request = argument.Value;
        return await ChangeSeatsAsync(request.Token, request.GameId, seats => seats.AssignRole(request.SeatId, request.GameId, request.PartyId));
    }

    public async Task<HubResult> SetBot(HubRequest<SetBotRequest> argument)
    {
        var request = argument.Value;
        if (!BotStrategyNames.TryParse(request.Bot, out var strategy))
        {
            return HubResults.Invalid("bot must be boulware, conceder, linear or tit-for-tat.");
        }

        return await ChangeSeatsAsync(request.Token, request.GameId, seats => seats.SetBot(request.GameId, request.PartyId, BotStrategyNames.ToName(strategy)));
    }

    /// <summary>A seat's answer as the protocol gives it: the player's token and role, or the class's refusal.</summary>
    private HubResult Seated(string classId, JoinOutcome outcome) => outcome.Seat is { } seat
        ? new JoinClassResult(PlayerToken(classId, seat), seat.GameId, seat.PartyId, seat.SeatId, outcome.SeatSecret)
        : Refusal(outcome);

    private string PlayerToken(string classId, Seat seat) =>
        tokens.Issue(new AccessGrant(AccessRole.Player, classId, seat.GameId, seat.PartyId, seat.SeatId, SeatGeneration: seat.Generation));

    private async Task<bool> SeatStillHoldsAsync(AccessGrant grant, Guid seatId) =>
        grant.IsHeldBy(await grains.GetGrain<IClassSessionGrain>(grant.ClassId).GetSeat(seatId));

    /// <summary>
    /// Calls the class for a caller without a token (who names the class): a class that does not exist answers like a
    /// wrong code, so that ids cannot be told from codes.
    /// </summary>
    private async Task<HubResult> ForClassAsync(string classId, Func<IClassSessionGrain, Task<HubResult>> call)
    {
        try
        {
            return await call(grains.GetGrain<IClassSessionGrain>(classId));
        }
        catch (KeyNotFoundException)
        {
            return HubResults.Failure(HubErrorCodes.UnknownCode, "That join code does not belong to a class here.");
        }
    }

    /// <summary>An instructor's change to the roster (of <paramref name="gameId"/>'s class when it names one), answered with the class as it is after.</summary>
    private async Task<HubResult> ChangeSeatsAsync(string? token, string? gameId, Func<IClassSessionGrain, Task<JoinOutcome>> change)
    {
        var (grant, refusal) = await InstructorAsync(token, gameId);
        if (grant is null)
        {
            return refusal!;
        }

        var seats = grains.GetGrain<IClassSessionGrain>(grant.ClassId);
        try
        {
            return await change(seats) is { ErrorCode: not null } refused ? Refusal(refused) : new ClassResult(await seats.GetSummary());
        }
        catch (ArgumentException exception)
        {
            return HubResults.Invalid(exception.Message);
        }
    }

    private static HubFailure Refusal(JoinOutcome outcome) => outcome.ErrorCode == "UnknownRole"
        ? HubResults.Invalid(outcome.ErrorMessage!)
        : HubResults.Failure(outcome.ErrorCode!, outcome.ErrorMessage!);
}
