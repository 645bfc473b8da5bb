using NegotiationGame.Domain.Outcomes;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Domain.Analytics;

/// <summary>
/// Numbers every complete outcome of a scenario: a mixed-radix number whose digit for issue i (least significant
/// first) is the option chosen on it. Outcome 0 takes the first option of every issue. A space whose count does not
/// fit a signed 64-bit index is refused with <see cref="AnalysisRefusedException"/> rather than numbered wrongly.
/// </summary>
public sealed class OutcomeSpace
{
    private readonly int[] _radices;
    private readonly long[] _strides;

    public OutcomeSpace(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _radices = [.. scenario.Issues.Select(issue => issue.Options.Length)];
        _strides = new long[_radices.Length];
        long stride = 1;
        for (var issue = 0; issue < _radices.Length; issue++)
        {
            _strides[issue] = stride;
            if (stride > long.MaxValue / _radices[issue])
            {
                throw new AnalysisRefusedException(AnalysisLimits.TooManyOutcomes(scenario.Id, scenario.OutcomeCount)!);
            }

            stride *= _radices[issue];
        }

        Count = stride;
    }

    public long Count { get; }

    public int IssueCount => _radices.Length;

    public int Radix(int issue) => _radices[issue];

    public long Stride(int issue) => _strides[issue];

    public Package ToPackage(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var package = Package.Empty;
        for (var issue = 0; issue < _radices.Length; issue++)
        {
            package = package.With(issue, (int)(index / _strides[issue] % _radices[issue]));
        }

        return package;
    }

    /// <summary>The index of a complete package; throws when the package leaves an issue open or is out of range.</summary>
    public long IndexOf(Package package)
    {
        long index = 0;
        for (var issue = 0; issue < _radices.Length; issue++)
        {
            if (!package.Covers(issue) || package.OptionOf(issue) >= _radices[issue])
            {
                throw new ArgumentException($"The package does not settle issue {issue} on a valid option.", nameof(package));
            }

            index += package.OptionOf(issue) * _strides[issue];
        }

        return index;
    }
}
