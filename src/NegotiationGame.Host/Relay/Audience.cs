using System.Collections.Frozen;
using System.Text.Json;
using NegotiationGame.Contracts;
using NegotiationGame.Host.Access;
using NegotiationGame.Host.Hubs.Client;
using NegotiationGame.Storage;

namespace NegotiationGame.Host.Relay;

/// <summary>
/// Who reads an event and how much of it. A private message reaches only the parties of its channel and the
/// instructor; everyone else gets, at the same sequence number, a <c>ChannelActive</c> event that names the channel
/// and nothing more, until the game has ended (the reveal). The instructor's preparations (news waiting for a round)
/// reach only the instructor, ended game or not; everyone else gets a <c>Withheld</c> event with no data, so that
/// sequence numbers stay gapless for every reader.
/// </summary>
public static class Audience
{
    public const string PrivateType = "MessageSent";
    public const string RedactedType = "ChannelActive";
    public const string WithheldType = "Withheld";

    private static readonly FrozenSet<string> InstructorOnlyTypes = FrozenSet.Create(StringComparer.Ordinal, "NewsScheduled", "ScheduledNewsCancelled");

    public static bool IsPrivate(LoggedEvent entry) => entry.Type == PrivateType || IsInstructorOnly(entry);

    public static bool IsInstructorOnly(LoggedEvent entry) => InstructorOnlyTypes.Contains(entry.Type);

    /// <summary>The parties who read a private entry besides the instructor: a message's channel, nobody for the instructor's own.</summary>
    public static IReadOnlyList<string> Channel(LoggedEvent entry)
    {
        if (IsInstructorOnly(entry))
        {
            return [];
        }

        using var data = JsonDocument.Parse(entry.Data);
        return [.. data.RootElement.GetProperty("channel").EnumerateArray().Select(party => party.GetString()!)];
    }

    public static bool MayRead(AccessGrant grant, LoggedEvent entry, bool revealed) =>
        !IsPrivate(entry) || (revealed && !IsInstructorOnly(entry)) || MayReadChannel(grant, Channel(entry));

    /// <summary>Whether the holder of <paramref name="grant"/> reads a private channel's words before any reveal.</summary>
    public static bool MayReadChannel(AccessGrant grant, IReadOnlyList<string> channel) =>
        grant.Role == AccessRole.Instructor || (grant.Role == AccessRole.Player && channel.Contains(grant.PartyId));

    /// <summary>The entry as a client receives it: JSON data, or the redacted form for those who may not read it.</summary>
    public static GameEventMessage Message(string gameId, LoggedEvent entry, bool readable)
    {
        if (!readable && IsInstructorOnly(entry))
        {
            return new GameEventMessage(gameId, entry.Sequence, entry.At, WithheldType, JsonSerializer.SerializeToElement(new { }, JsonSerializerOptions.Web));
        }

        if (!readable)
        {
            return new GameEventMessage(gameId, entry.Sequence, entry.At, RedactedType, JsonSerializer.SerializeToElement(new RedactedChannel(Channel(entry)), JsonSerializerOptions.Web));
        }

        using var data = JsonDocument.Parse(entry.Data);
        return new GameEventMessage(gameId, entry.Sequence, entry.At, entry.Type, data.RootElement.Clone());
    }

    private sealed record RedactedChannel(IReadOnlyList<string> Channel);
}
