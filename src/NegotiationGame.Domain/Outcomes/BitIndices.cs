using System.Collections;
using System.Numerics;

namespace NegotiationGame.Domain.Outcomes;

/// <summary>The indices of the bits set in a mask, lowest first. <c>foreach</c> walks them without allocating.</summary>
public readonly struct BitIndices(uint mask) : IEnumerable<int>
{
    public Enumerator GetEnumerator() => new(mask);

    IEnumerator<int> IEnumerable<int>.GetEnumerator() => Enumerate(mask).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => Enumerate(mask).GetEnumerator();

    private static IEnumerable<int> Enumerate(uint mask)
    {
        foreach (var index in new BitIndices(mask))
        {
            yield return index;
        }
    }

    public struct Enumerator(uint mask)
    {
        private uint _remaining = mask;

        public int Current { get; private set; }

        public bool MoveNext()
        {
            if (_remaining == 0)
            {
                return false;
            }

            Current = BitOperations.TrailingZeroCount(_remaining);
            _remaining &= _remaining - 1;
            return true;
        }
    }
}
