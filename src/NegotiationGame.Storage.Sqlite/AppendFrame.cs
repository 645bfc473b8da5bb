using System.Buffers.Binary;
using System.Text;

namespace NegotiationGame.Storage.Sqlite;

/// <summary>
/// An append's entries as one blob, so that an append is one row however many events it holds: a version byte, the
/// entry count, then per entry its time (UTC ticks), its command id and its type and data as length-prefixed UTF-8.
/// Sequence numbers are not stored: an append's entries are numbered consecutively from its row's first sequence.
/// </summary>
internal static class AppendFrame
{
    private const byte Version = 1;

    /// <summary>Encodes <paramref name="entries"/> into an array of exactly the frame's size.</summary>
    public static byte[] Encode(IReadOnlyList<LoggedEvent> entries)
    {
        var length = 1 + CountLength(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            length += 24 + TextLength(entries[i].Type) + TextLength(entries[i].Data);
        }

        var frame = new byte[length];
        var span = frame.AsSpan();
        span[0] = Version;
        var offset = 1 + WriteCount(span[1..], entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            BinaryPrimitives.WriteInt64LittleEndian(span[offset..], entry.At.UtcTicks);
            entry.CommandId.TryWriteBytes(span.Slice(offset + 8, 16));
            offset += 24;
            offset += WriteText(span[offset..], entry.Type);
            offset += WriteText(span[offset..], entry.Data);
        }

        return frame;
    }

    /// <summary>
    /// Adds the entries of <paramref name="frame"/> (whose first entry is <paramref name="firstSequence"/>) that come
    /// after <paramref name="afterSequence"/> to <paramref name="into"/>, until it holds <paramref name="maxCount"/>.
    /// </summary>
    public static void Read(ReadOnlySpan<byte> frame, long firstSequence, long afterSequence, int maxCount, List<LoggedEvent> into)
    {
        if (frame.IsEmpty || frame[0] != Version)
        {
            throw new InvalidDataException($"An append row holds a frame of an unknown version ({(frame.IsEmpty ? "empty" : frame[0].ToString(System.Globalization.CultureInfo.InvariantCulture))}).");
        }

        var offset = 1;
        var count = ReadCount(frame, ref offset);
        for (var i = 0; i < count && into.Count < maxCount; i++)
        {
            EnsureHolds(frame, offset, 24);
            var at = BinaryPrimitives.ReadInt64LittleEndian(frame[offset..]);
            var commandId = new Guid(frame.Slice(offset + 8, 16));
            offset += 24;
            var type = ReadText(frame, ref offset);
            var data = ReadText(frame, ref offset);
            if (firstSequence + i > afterSequence)
            {
                into.Add(new LoggedEvent(firstSequence + i, new DateTimeOffset(at, TimeSpan.Zero), commandId, Encoding.UTF8.GetString(type), Encoding.UTF8.GetString(data)));
            }
        }
    }

    private static int TextLength(string text)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        return CountLength(bytes) + bytes;
    }

    private static int CountLength(int count) => count < 0x80 ? 1 : count < 0x4000 ? 2 : count < 0x20_0000 ? 3 : count < 0x1000_0000 ? 4 : 5;

    private static int WriteText(Span<byte> destination, string text)
    {
        var prefix = WriteCount(destination, Encoding.UTF8.GetByteCount(text));
        return prefix + Encoding.UTF8.GetBytes(text, destination[prefix..]);
    }

    private static ReadOnlySpan<byte> ReadText(ReadOnlySpan<byte> frame, ref int offset)
    {
        var length = ReadCount(frame, ref offset);
        EnsureHolds(frame, offset, length);
        var text = frame.Slice(offset, length);
        offset += length;
        return text;
    }

    /// <summary>A count as a 7-bit varint; returns the bytes written.</summary>
    private static int WriteCount(Span<byte> destination, int count)
    {
        var value = (uint)count;
        var written = 0;
        while (value >= 0x80)
        {
            destination[written++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[written++] = (byte)value;
        return written;
    }

    private static int ReadCount(ReadOnlySpan<byte> frame, ref int offset)
    {
        var value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            EnsureHolds(frame, offset, 1);
            var next = frame[offset++];
            value |= (next & 0x7F) << shift;
            if (next < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("An append frame holds a malformed length.");
    }

    private static void EnsureHolds(ReadOnlySpan<byte> frame, int offset, int count)
    {
        if (count < 0 || offset + count > frame.Length)
        {
            throw new InvalidDataException($"An append frame of {frame.Length} bytes ends before its entries do.");
        }
    }
}
