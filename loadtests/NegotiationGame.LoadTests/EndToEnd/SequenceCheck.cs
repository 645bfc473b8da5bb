namespace NegotiationGame.LoadTests.EndToEnd;

/// <summary>
/// What one connection has received of one game's events, checked for continuity as docs/protocol.md promises it:
/// sequence numbers come one after another with no gap. Pushes that arrive while the connection's <c>watch</c> call
/// is outstanding are held back and may repeat what its reply holds (the protocol says to ignore those); after that,
/// every push must be exactly one past the last.
/// </summary>
internal sealed class SequenceCheck
{
    private readonly Lock _gate = new();
    private readonly List<long> _heldBack = [];
    private bool _watching = true;
    private long _last;

    public long Last
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    /// <summary>Events a push skipped over (the gap between the last one and the one that arrived).</summary>
    public long Lost { get; private set; }

    /// <summary>Pushes of a sequence already received, outside the overlap a <c>watch</c> reply may have with pushes.</summary>
    public long Duplicated { get; private set; }

    /// <summary>Takes in a pushed event; true when it is the next one (to be applied), false for a repeat or one held back.</summary>
    public bool Pushed(long sequence)
    {
        lock (_gate)
        {
            if (_watching)
            {
                _heldBack.Add(sequence);
                return false;
            }

            return Advance(sequence, countRepeats: true);
        }
    }

    /// <summary>
    /// Takes in the sequences of the <c>watch</c> reply, then the pushes held back meanwhile, and from then on checks
    /// every push. Returns the held-back sequences that were new, in the order to apply them.
    /// </summary>
    public IReadOnlyList<long> Watched(long afterSequence, IEnumerable<long> replied)
    {
        ArgumentNullException.ThrowIfNull(replied);
        lock (_gate)
        {
            _last = afterSequence;
            foreach (var sequence in replied)
            {
                Advance(sequence, countRepeats: true);
            }

            var repliedUpTo = _last;
            var applied = new List<long>();
            foreach (var sequence in _heldBack.Order())
            {
                // A held-back push at or below the reply's last event is the overlap the protocol allows, not a repeat.
                if (Advance(sequence, countRepeats: sequence > repliedUpTo))
                {
                    applied.Add(sequence);
                }
            }

            _heldBack.Clear();
            _watching = false;
            return applied;
        }
    }

    private bool Advance(long sequence, bool countRepeats)
    {
        if (sequence <= _last)
        {
            Duplicated += countRepeats ? 1 : 0;
            return false;
        }

        Lost += sequence - _last - 1;
        _last = sequence;
        return true;
    }
}
