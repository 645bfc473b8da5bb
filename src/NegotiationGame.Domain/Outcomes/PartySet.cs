using System.Numerics;

namespace NegotiationGame.Domain.Outcomes;

/// <summary>A set of parties of one scenario, as a bit per party index (a scenario has at most 16 parties).</summary>
public readonly record struct PartySet(ushort Bits)
{
    public const int MaxParties = 16;

    public static PartySet Empty => default;

    public static PartySet Of(int partyIndex) => new((ushort)(1 << partyIndex));

    public static PartySet All(int partyCount) => new((ushort)((1 << partyCount) - 1));

    public bool IsEmpty => Bits == 0;

    public int Count => BitOperations.PopCount(Bits);

    public bool Contains(int partyIndex) => (Bits & (1 << partyIndex)) != 0;

    public bool IsSupersetOf(PartySet other) => (Bits & other.Bits) == other.Bits;

    public PartySet With(int partyIndex) => new((ushort)(Bits | (1 << partyIndex)));

    public PartySet Union(PartySet other) => new((ushort)(Bits | other.Bits));

    public PartySet Except(PartySet other) => new((ushort)(Bits & ~other.Bits));

    public PartySet Intersect(PartySet other) => new((ushort)(Bits & other.Bits));

    /// <summary>Party indices in ascending order.</summary>
    public BitIndices Indices() => new((uint)Bits);
}
