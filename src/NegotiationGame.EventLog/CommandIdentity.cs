using System.Buffers.Binary;
using System.Globalization;
using NegotiationGame.Contracts.Commands;

namespace NegotiationGame.EventLog;

/// <summary>
/// The id a command's entries carry in the log, derived by the server rather than taken from the client: its first
/// half (<see cref="Key"/>) digests who sent the command under which id, its second half (<see cref="Content"/>) what
/// the command said. So an id is scoped to its sender, a retry of the same command has the same log id, and the same
/// id used for something else is told apart, all from the log alone (a replay rebuilds it). Ids the server makes sit
/// in namespaces of their own, which no client's sender or id can reach. The log format is unchanged: still one
/// 16-byte id per entry.
/// </summary>
public readonly record struct CommandIdentity(ulong Key, ulong Content)
{
    private const string ClientSpace = "client";
    private const string ServerSpace = "server";
    private const string ClockSpace = "clock";

    /// <summary>The identity of a command a sender (or, with <see cref="CommandOrigin.Server"/>, the server) sent under its id.</summary>
    public static CommandIdentity Of(GameCommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var space = request.Origin == CommandOrigin.Server ? ServerSpace : ClientSpace;
        return new(
            CommandFingerprint.OfKey(space, request.Actor, request.CommandId.ToString("N", CultureInfo.InvariantCulture)),
            CommandFingerprint.OfBody(request.Body));
    }

    /// <summary>
    /// The identity under which the clock logs a deadline it reached. Nothing is deduplicated by it: a deadline counts
    /// once because the rules refuse one that has not come or has already moved on.
    /// </summary>
    public static CommandIdentity OfDeadline(DateTimeOffset deadline) => new(
        CommandFingerprint.OfKey(ClockSpace, "deadline", deadline.UtcTicks.ToString(CultureInfo.InvariantCulture)),
        CommandFingerprint.OfKey(ClockSpace, "reachDeadline", string.Empty));

    /// <summary>The identity stored in a log entry's id (a raw client id in logs written before ids were derived).</summary>
    public static CommandIdentity FromLogId(Guid logId)
    {
        Span<byte> bytes = stackalloc byte[16];
        logId.TryWriteBytes(bytes);
        return new(BinaryPrimitives.ReadUInt64LittleEndian(bytes), BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]));
    }

    public Guid ToLogId()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, Key);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], Content);
        return new Guid(bytes);
    }
}
