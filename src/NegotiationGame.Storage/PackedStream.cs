using System.Buffers.Binary;
using System.Text;

namespace NegotiationGame.Storage;

/// <summary>
/// One stream's entries packed as bytes in chunks, as a disk page would hold them: a stream of thousands of events is
/// a few dozen arrays with no references in them, which the garbage collector neither traces nor copies entry by
/// entry, instead of two objects per event. Entries are decoded again when read. Not thread-safe: the owner locks.
/// </summary>
internal sealed class PackedStream
{
    private const int ChunkSize = 16 * 1024;

    // Sequence, UTC ticks, offset minutes, command id, then the lengths of the type and the data.
    private const int HeaderSize = 8 + 8 + 2 + 16 + 4 + 4;

    private readonly List<byte[]> _chunks = [];
    private readonly List<EntrySlot> _slots = [];
    private int _used = ChunkSize;

    public int Count => _slots.Count;

    public void Add(LoggedEvent entry)
    {
        var typeLength = Encoding.UTF8.GetByteCount(entry.Type);
        var size = HeaderSize + typeLength + Encoding.UTF8.GetByteCount(entry.Data);
        if (_used + size > (_chunks.Count == 0 ? 0 : _chunks[^1].Length))
        {
            _chunks.Add(new byte[Math.Max(ChunkSize, size)]);
            _used = 0;
        }

        var span = _chunks[^1].AsSpan(_used, size);
        BinaryPrimitives.WriteInt64LittleEndian(span, entry.Sequence);
        BinaryPrimitives.WriteInt64LittleEndian(span[8..], entry.At.UtcTicks);
        BinaryPrimitives.WriteInt16LittleEndian(span[16..], (short)entry.At.TotalOffsetMinutes);
        entry.CommandId.TryWriteBytes(span[18..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[34..], typeLength);
        var dataLength = Encoding.UTF8.GetBytes(entry.Data, span[(HeaderSize + typeLength)..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[38..], dataLength);
        Encoding.UTF8.GetBytes(entry.Type, span[HeaderSize..]);
        _slots.Add(new EntrySlot(_chunks.Count - 1, _used, size));
        _used += size;
    }

    public LoggedEvent this[int index]
    {
        get
        {
            var slot = _slots[index];
            ReadOnlySpan<byte> span = _chunks[slot.Chunk].AsSpan(slot.Offset, slot.Length);
            var offset = TimeSpan.FromMinutes(BinaryPrimitives.ReadInt16LittleEndian(span[16..]));
            var typeLength = BinaryPrimitives.ReadInt32LittleEndian(span[34..]);
            var dataLength = BinaryPrimitives.ReadInt32LittleEndian(span[38..]);
            return new LoggedEvent(
                BinaryPrimitives.ReadInt64LittleEndian(span),
                new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(span[8..]), TimeSpan.Zero).ToOffset(offset),
                new Guid(span.Slice(18, 16)),
                Encoding.UTF8.GetString(span.Slice(HeaderSize, typeLength)),
                Encoding.UTF8.GetString(span.Slice(HeaderSize + typeLength, dataLength)));
        }
    }

    private readonly record struct EntrySlot(int Chunk, int Offset, int Length);
}
