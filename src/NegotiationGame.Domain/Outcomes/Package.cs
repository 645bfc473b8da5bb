using System.Numerics;

namespace NegotiationGame.Domain.Outcomes;

/// <summary>
/// A full or partial package: for each covered issue, the index of the chosen option. Four bits per issue
/// and a mask of covered issues, so a package is two machine words and copying or comparing it costs nothing.
/// </summary>
public readonly record struct Package(ulong OptionBits, ushort IssueMask)
{
    public const int MaxIssues = 16;
    public const int MaxOptionsPerIssue = 16;

    public static Package Empty => default;

    public bool IsEmpty => IssueMask == 0;

    public int IssueCount => BitOperations.PopCount(IssueMask);

    public bool Covers(int issueIndex) => (IssueMask & (1 << issueIndex)) != 0;

    /// <summary>The option chosen for an issue; meaningful only where <see cref="Covers"/> is true.</summary>
    public int OptionOf(int issueIndex) => (int)((OptionBits >> (issueIndex * 4)) & 0xF);

    public Package With(int issueIndex, int optionIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(issueIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(issueIndex, MaxIssues);
        ArgumentOutOfRangeException.ThrowIfNegative(optionIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(optionIndex, MaxOptionsPerIssue);
        var shift = issueIndex * 4;
        var bits = (OptionBits & ~(0xFUL << shift)) | ((ulong)optionIndex << shift);
        return new Package(bits, (ushort)(IssueMask | (1 << issueIndex)));
    }

    /// <summary>Covered issue indices in ascending order.</summary>
    public BitIndices Issues() => new((uint)IssueMask);
}
