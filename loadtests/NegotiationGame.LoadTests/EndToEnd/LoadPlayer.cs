using System.Text.Json;

namespace NegotiationGame.LoadTests.EndToEnd;

/// <summary>
/// One seated party playing alternating offers with its partner (the parties pair up in the order of their join
/// codes: in ukraine-2025 the United States with Russia, Ukraine with the European Union). Each offer the partner
/// addresses to it is answered once, by a counter-offer with a fresh package, or every sixteenth time by accepting;
/// with nothing to answer it tables a fresh offer. Only the addressee ever answers an offer, so no two commands race
/// for one, and a run with no bugs has no refused command.
/// </summary>
internal sealed class LoadPlayer
{
    private const int MaxWaitingOffers = 256;

    private readonly Lock _gate = new();
    private readonly Queue<long> _toAnswer = new();
    private readonly Random _random;
    private readonly IReadOnlyList<IReadOnlyDictionary<string, string>> _packages;
    private long _answers;

    public LoadPlayer(LoadConnection connection, string partyId, string partnerId, int seed, IReadOnlyList<IReadOnlyDictionary<string, string>> packages)
    {
        Connection = connection;
        PartyId = partyId;
        PartnerId = partnerId;
        _random = new Random(seed);
        _packages = packages;
    }

    public LoadConnection Connection { get; }

    public string PartyId { get; }

    public string PartnerId { get; }

    /// <summary>Notes an offer the partner tabled to this party alone, to be answered; beyond a bounded queue it is left open.</summary>
    public void Tabled(JsonElement data)
    {
        if (data.GetProperty("proposer").GetString() != PartnerId)
        {
            return;
        }

        var addressees = data.GetProperty("addressees");
        if (addressees.GetArrayLength() != 1 || addressees[0].GetString() != PartyId)
        {
            return;
        }

        lock (_gate)
        {
            if (_toAnswer.Count < MaxWaitingOffers)
            {
                _toAnswer.Enqueue(data.GetProperty("offerId").GetInt64());
            }
        }
    }

    /// <summary>The next <c>act</c> argument: answers the oldest offer waiting, or tables a fresh one.</summary>
    public (string Kind, object Request) NextCommand()
    {
        lock (_gate)
        {
            var commandId = NextCommandId();
            var package = _packages[_random.Next(_packages.Count)];
            if (!_toAnswer.TryDequeue(out var offerId))
            {
                return ("table", new { token = Connection.Token, commandId, command = new { type = "table", package, addressees = new[] { PartnerId } } });
            }

            return ++_answers % 16 == 0
                ? ("accept", new { token = Connection.Token, commandId, command = new { type = "accept", offerId } })
                : ("counter", new { token = Connection.Token, commandId, command = new { type = "counter", offerId, package, addressees = new[] { PartnerId } } });
        }
    }

    private Guid NextCommandId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
