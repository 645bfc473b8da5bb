using NegotiationGame.Contracts.Classes;
using NegotiationGame.Contracts.Games;

namespace NegotiationGame.Grains.Tests;

/// <summary>What a game and a host remember of seat changes: the latest of each seat, and a bound on how many seats.</summary>
public sealed class LatestSeatChangesTests
{
    [Fact]
    public void A_later_change_of_a_seat_replaces_the_earlier_one()
    {
        var seatId = Guid.NewGuid();
        var latest = new LatestSeatChanges();

        latest.Note([new SeatChange(seatId, new Seat(seatId, "Ada", "c-1-01", "eu", 1))]);
        latest.Note([new SeatChange(seatId, null)]);

        Assert.Null(Assert.Single(latest.All).Now);
        Assert.Null(latest.Of(seatId)!.Now);
        Assert.Null(latest.Of(Guid.NewGuid()));
    }

    [Fact]
    public void Past_the_bound_new_seats_are_left_out_and_known_seats_still_move_on()
    {
        var seats = Enumerable.Range(0, LatestSeatChanges.MaxSeats).Select(_ => Guid.NewGuid()).ToList();
        var latest = new LatestSeatChanges();
        latest.Note(seats.Select(seat => new SeatChange(seat, null)));
        var first = new Seat(seats[0], "Ada", "c-1-01", "us", 2);

        latest.Note([new SeatChange(Guid.NewGuid(), null), new SeatChange(seats[0], first)]);

        Assert.Equal(LatestSeatChanges.MaxSeats, latest.All.Length);
        Assert.Equal(first, latest.Of(seats[0])!.Now);
    }
}
