using System.Collections.Immutable;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.Contracts.Games;

namespace NegotiationGame.LoadTests;

/// <summary>
/// Plays one game in alternating offers, as GENIUS's protocol has them, one command in flight: the United States
/// tables a package to Russia, Russia answers with a counter-offer (which rejects it and tables another), the United
/// States counters that, and so on; every sixteenth answer accepts instead, and the next party tables afresh. Each
/// counter-offer or acceptance resolves the offer on the table. The game goes on where it stopped at the next call.
/// </summary>
internal sealed class AlternatingOffersDriver(IGameGrain grain, int seed, ImmutableArray<ImmutableDictionary<string, string>> packages)
{
    private static readonly string[] Sides = ["us", "russia"];

    private int _turn;
    private int _tabled;
    private int? _standing;

    public long OffersResolved { get; private set; }

    public long Commands { get; private set; }

    /// <summary>
    /// Unique per game and turn, like any client's ids, without the system call a random GUID costs on Linux: the
    /// driver's time is not the server's.
    /// </summary>
    private Guid CommandId()
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, seed);
        BitConverter.TryWriteBytes(bytes[4..], (long)_turn);
        BitConverter.TryWriteBytes(bytes[12..], 0x64726976);
        return new Guid(bytes);
    }

    public async Task PlayUntilAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var package = packages[(seed + _turn) % packages.Length];
            CommandBody body = _standing switch
            {
                null => new TableOfferBody(package, [Sides[(_turn + 1) % 2]], null),
                { } offerId when _turn % 16 == 15 => new AcceptOfferBody(offerId),
                { } offerId => new CounterOfferBody(offerId, package, null, null),
            };
            var outcome = await grain.Execute(new GameCommandRequest(CommandId(), Sides[_turn % 2], body));
            if (!outcome.Accepted)
            {
                throw new InvalidOperationException($"{body.GetType().Name} refused: {outcome.ErrorCode} {outcome.ErrorMessage}");
            }

            OffersResolved += body is TableOfferBody ? 0 : 1;
            _standing = body is AcceptOfferBody ? null : ++_tabled;
            _turn++;
            Commands++;
        }
    }
}
