namespace NegotiationGame.Contracts.Games;

/// <summary>Keys of party grains: "gameId/partyId" (party ids cannot contain '/').</summary>
public static class PartyKeys
{
    public static string Of(string gameId, string partyId) => $"{gameId}/{partyId}";

    public static (string GameId, string PartyId) Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.LastIndexOf('/');
        return slash > 0 ? (key[..slash], key[(slash + 1)..]) : throw new ArgumentException($"'{key}' is not a party key.", nameof(key));
    }
}
