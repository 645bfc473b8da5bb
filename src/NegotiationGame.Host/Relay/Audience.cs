using System.Text.Json;
using NegotiationGame.Contracts;
using NegotiationGame.Host.Access;
using NegotiationGame.Host.Hubs.Client;
using NegotiationGame.Storage;

namespace NegotiationGame.Host.Relay;

/// <summary>
/// Who reads an event and how much of it. A private message reaches only the parties of its channel and the
/// instructor; everyone else gets, at the same sequence number, a <c>ChannelActive</c> event that names the channel
/// and nothing more, until the game has ended (the reveal).
/// </summary>
public static class Audience
{
    public const string PrivateType = "MessageSent";
    public const string RedactedType = "ChannelActive";

    public static bool IsPrivate(LoggedEvent entry) => entry.Type == PrivateType;

    public static IReadOnlyList<string> Channel(LoggedEvent entry)
    {
        using var data = JsonDocument.Parse(entry.Data);
        return [.. data.RootElement.GetProperty("channel").EnumerateArray().Select(party => party.GetString()!)];
    }

    public static bool MayRead(AccessGrant grant, LoggedEvent entry, bool revealed) =>
        !IsPrivate(entry) || revealed || MayReadChannel(grant, Channel(entry));

    /// <summary>Whether the holder of <paramref name="grant"/> reads a private channel's words before any reveal.</summary>
    public static bool MayReadChannel(AccessGrant grant, IReadOnlyList<string> channel) =>
        grant.Role == AccessRole.Instructor || (grant.Role == AccessRole.Player && channel.Contains(grant.PartyId));

    /// <summary>The entry as a client receives it: JSON data, or the redacted form for those who may not read it.</summary>
    public static GameEventMessage Message(string gameId, LoggedEvent entry, bool readable)
    {
        if (!readable)
        {
            return new GameEventMessage(gameId, entry.Sequence, entry.At, RedactedType, JsonSerializer.SerializeToElement(new RedactedChannel(Channel(entry)), JsonSerializerOptions.Web));
        }

        using var data = JsonDocument.Parse(entry.Data);
        return new GameEventMessage(gameId, entry.Sequence, entry.At, entry.Type, data.RootElement.Clone());
    }

    private sealed record RedactedChannel(IReadOnlyList<string> Channel);
}
