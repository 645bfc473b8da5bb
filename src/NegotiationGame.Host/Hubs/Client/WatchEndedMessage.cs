using NegotiationGame.Contracts.Classes;
using NegotiationGame.Host.Access;

namespace NegotiationGame.Host.Hubs.Client;

/// <summary>
/// The last message of a game to a connection whose player token stopped counting (docs/protocol.md, "watchEnded"):
/// <paramref name="Reason"/> is <c>seatMoved</c>, <c>seatHandedOn</c> or <c>seatReleased</c>.
/// </summary>
public sealed record WatchEndedMessage(string GameId, string Reason, string Message)
{
    public const string SeatMoved = "seatMoved";
    public const string SeatHandedOn = "seatHandedOn";
    public const string SeatReleased = "seatReleased";

    /// <summary>Why <paramref name="grant"/>'s watch of its game ends, now that its seat is <paramref name="now"/>.</summary>
    public static WatchEndedMessage For(string gameId, AccessGrant grant, Seat? now)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return now switch
        {
            null => new(gameId, SeatReleased, "Your seat was released: a bot plays this role now. Ask the instructor for a seat."),
            _ when (now.GameId, now.PartyId) != (grant.GameId, grant.PartyId) => new(gameId, SeatMoved, "The instructor moved your seat to another role; rejoin to play it."),
            _ => new(gameId, SeatHandedOn, "Your seat was handed to another device; rejoin from there, or ask the instructor."),
        };
    }
}
