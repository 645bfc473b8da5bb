using System.Collections;

namespace NegotiationGame.Domain.Negotiation;

/// <summary>
/// The offers of a game in the order they were tabled, immutable and persistent: adding an offer or replacing one
/// returns a new list that shares all but a few small arrays with the old one, which stays valid. A 32-way trie with
/// a separate tail, so that the operations a turn makes (table an offer, change the status of a recent one) copy one
/// array of at most 32 references, and looking an offer up costs a few array reads however long the game runs.
/// </summary>
public sealed class OfferList : IReadOnlyList<Offer>
{
    private const int Bits = 5;
    private const int Width = 1 << Bits;
    private const int Mask = Width - 1;

    private readonly int _shift;

    /// <summary>Branches are <c>object[]</c>; the branches one level above the leaves hold full <c>Offer[]</c> leaves.</summary>
    private readonly object[] _root;

    /// <summary>The last 1 to 32 offers, not yet in the trie.</summary>
    private readonly Offer[] _tail;

    private OfferList(int count, int shift, object[] root, Offer[] tail)
    {
        Count = count;
        _shift = shift;
        _root = root;
        _tail = tail;
    }

    public static OfferList Empty { get; } = new(0, Bits, [], []);

    public int Count { get; }

    private int TailOffset => Count < Width ? 0 : ((Count - 1) >> Bits) << Bits;

    public Offer this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return LeafFor(index)[index & Mask];
        }
    }

    public OfferList Add(Offer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (Count - TailOffset < Width)
        {
            return new OfferList(Count + 1, _shift, _root, [.. _tail, offer]);
        }

        // The tail is full: it becomes a leaf of the trie, which grows a level when its root is full.
        if ((Count >> Bits) > (1 << _shift))
        {
            return new OfferList(Count + 1, _shift + Bits, [_root, PathTo(_shift, _tail)], [offer]);
        }

        return new OfferList(Count + 1, _shift, PushTail(_shift, _root, _tail), [offer]);
    }

    public OfferList SetItem(int index, Offer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        if (index >= TailOffset)
        {
            var tail = (Offer[])_tail.Clone();
            tail[index & Mask] = offer;
            return new OfferList(Count, _shift, _root, tail);
        }

        return new OfferList(Count, _shift, (object[])Replace(_shift, _root, index, offer), _tail);
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<Offer> IEnumerable<Offer>.GetEnumerator()
    {
        foreach (var offer in this)
        {
            yield return offer;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<Offer>)this).GetEnumerator();

    private Offer[] LeafFor(int index)
    {
        if (index >= TailOffset)
        {
            return _tail;
        }

        object node = _root;
        for (var level = _shift; level > 0; level -= Bits)
        {
            node = ((object[])node)[(index >> level) & Mask];
        }

        return (Offer[])node;
    }

    private object[] PushTail(int level, object[] parent, Offer[] leaf)
    {
        var slot = ((Count - 1) >> level) & Mask;
        var copy = new object[Math.Max(parent.Length, slot + 1)];
        parent.CopyTo(copy, 0);
        copy[slot] = level == Bits
            ? leaf
            : slot < parent.Length ? PushTail(level - Bits, (object[])parent[slot], leaf) : PathTo(level - Bits, leaf);
        return copy;
    }

    private static object PathTo(int level, Offer[] leaf) => level == 0 ? leaf : new object[] { PathTo(level - Bits, leaf) };

    private static object Replace(int level, object node, int index, Offer offer)
    {
        if (level == 0)
        {
            var leaf = (Offer[])((Offer[])node).Clone();
            leaf[index & Mask] = offer;
            return leaf;
        }

        var branch = (object[])((object[])node).Clone();
        var slot = (index >> level) & Mask;
        branch[slot] = Replace(level - Bits, branch[slot], index, offer);
        return branch;
    }

    /// <summary>Walks the offers in order a leaf at a time, without allocating.</summary>
    public struct Enumerator
    {
        private readonly OfferList _list;
        private Offer[] _leaf;
        private int _index;

        internal Enumerator(OfferList list)
        {
            _list = list;
            _leaf = [];
            _index = -1;
        }

        public readonly Offer Current => _leaf[_index & Mask];

        public bool MoveNext()
        {
            if (++_index >= _list.Count)
            {
                return false;
            }

            if ((_index & Mask) == 0)
            {
                _leaf = _list.LeafFor(_index);
            }

            return true;
        }
    }
}
