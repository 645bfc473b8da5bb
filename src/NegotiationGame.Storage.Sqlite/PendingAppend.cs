using System.Diagnostics;
using NegotiationGame.Storage.Telemetry;

namespace NegotiationGame.Storage.Sqlite;

/// <summary>
/// An append waiting for the writer: its entries already encoded as one frame (by the caller's thread, not the
/// writer's), and its span and start time, which end when the caller is told.
/// </summary>
internal sealed class PendingAppend(string streamId, IReadOnlyList<LoggedEvent> entries) : PendingWrite
{
    private readonly Activity? _span = StoreInstruments.StartAppend(StoreInstruments.Sqlite, streamId);
    private readonly long _started = StoreInstruments.AppendStarted();

    public string StreamId { get; } = streamId;

    public long FirstSequence { get; } = entries[0].Sequence;

    public long LastSequence { get; } = entries[^1].Sequence;

    public byte[] Frame { get; } = AppendFrame.Encode(entries);

    protected override void OnFinishing()
    {
        StoreInstruments.AppendFinished(StoreInstruments.Sqlite, _started);
        StoreInstruments.EndAppend(_span, Failure);
    }
}
