using System.Numerics;
using NegotiationGame.Domain.Outcomes;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Domain.Analytics;

/// <summary>
/// One exact pass over every complete outcome, in index order, keeping the utilities as running sums so that
/// moving to the next outcome costs one column update per party. It counts the zone of agreement and finds the
/// Nash, Kalai–Smorodinsky and maximum-welfare outcomes; the frontier is built separately and far faster.
/// </summary>
internal sealed class OutcomeScan
{
    private const int OptionStride = Package.MaxOptionsPerIssue;

    private readonly int _parties;
    private readonly int _issues;
    private readonly int[] _radices;
    private readonly int[] _reservations;
    private readonly long _largestGain;

    // cells[(issue * OptionStride + option) * parties + party]: a party's weighted value of an option, contiguous per option.
    private readonly int[] _cells;
    private readonly bool[] _redLine;

    private OutcomeScan(Scenario scenario)
    {
        var table = scenario.Utilities;
        _parties = table.PartyCount;
        _issues = table.IssueCount;
        _radices = [.. scenario.Issues.Select(issue => issue.Options.Length)];
        _reservations = [.. Enumerable.Range(0, _parties).Select(table.Reservation)];
        _largestGain = 100L * table.UnitsPerPoint;
        _cells = new int[_issues * OptionStride * _parties];
        _redLine = new bool[_issues * OptionStride];
        for (var issue = 0; issue < _issues; issue++)
        {
            for (var option = 0; option < _radices[issue]; option++)
            {
                _redLine[(issue * OptionStride) + option] = table.IsRedLineForAnyone(issue, option);
                for (var party = 0; party < _parties; party++)
                {
                    _cells[(((issue * OptionStride) + option) * _parties) + party] = table.Cell(party, issue, option);
                }
            }
        }
    }

    public long ZoneOfAgreement { get; private set; }

    public long ZoneOfAgreementWithinRedLines { get; private set; }

    public long NashIndex { get; private set; } = -1;

    public long KalaiSmorodinskyIndex { get; private set; } = -1;

    public long MaxWelfareIndex { get; private set; } = -1;

    /// <summary>Outcomes visited between two progress reports: often enough for a display, rare enough to cost nothing.</summary>
    private const long ProgressInterval = 1 << 20;

    public static OutcomeScan Run(Scenario scenario, IProgress<AnalysisProgress>? progress = null)
    {
        var scan = new OutcomeScan(scenario);
        if (scan.ProductFitsIn128Bits())
        {
            scan.Scan<UInt128>(progress, (long)scenario.OutcomeCount);
        }
        else
        {
            scan.Scan<BigInteger>(progress, (long)scenario.OutcomeCount);
        }

        return scan;
    }

    /// <summary>
    /// Whether the Nash product of every party's largest possible gain fits 128 bits. It does for whole-number
    /// weights (10,000⁸ &lt; 2¹²⁸); finer utility units with many parties need arbitrary precision, which is slower
    /// but just as exact.
    /// </summary>
    private bool ProductFitsIn128Bits()
    {
        var bound = BigInteger.Pow(_largestGain, _parties);
        return bound <= UInt128.MaxValue;
    }

    private void Scan<TProduct>(IProgress<AnalysisProgress>? progress, long total)
        where TProduct : IBinaryInteger<TProduct>
    {
        Span<int> digits = stackalloc int[_issues];
        Span<int> utilities = stackalloc int[_parties];
        var redLinesCrossed = 0;
        for (var issue = 0; issue < _issues; issue++)
        {
            redLinesCrossed += _redLine[issue * OptionStride] ? 1 : 0;
            for (var party = 0; party < _parties; party++)
            {
                utilities[party] += _cells[(issue * OptionStride * _parties) + party];
            }
        }

        var bestProduct = TProduct.Zero;
        int bestNashWelfare = -1, bestMinimum = -1, bestWelfare = -1;
        var bestKsProduct = TProduct.Zero;
        var bestKsWelfare = -1;
        long index = 0;
        while (true)
        {
            var welfare = 0;
            var minimum = int.MaxValue;
            for (var party = 0; party < _parties; party++)
            {
                welfare += utilities[party];
                minimum = Math.Min(minimum, utilities[party] - _reservations[party]);
            }

            if (welfare > bestWelfare)
            {
                bestWelfare = welfare;
                MaxWelfareIndex = index;
            }

            if (minimum >= 0)
            {
                ZoneOfAgreement++;
                ZoneOfAgreementWithinRedLines += redLinesCrossed == 0 ? 1 : 0;
                var product = TProduct.One;
                for (var party = 0; party < _parties; party++)
                {
                    product *= TProduct.CreateTruncating((uint)(utilities[party] - _reservations[party]));
                }

                if (product > bestProduct || (product == bestProduct && welfare > bestNashWelfare))
                {
                    bestProduct = product;
                    bestNashWelfare = welfare;
                    NashIndex = index;
                }

                if (minimum > bestMinimum ||
                    (minimum == bestMinimum && (product > bestKsProduct || (product == bestKsProduct && welfare > bestKsWelfare))))
                {
                    bestMinimum = minimum;
                    bestKsProduct = product;
                    bestKsWelfare = welfare;
                    KalaiSmorodinskyIndex = index;
                }
            }

            if (!Advance(digits, utilities, ref redLinesCrossed))
            {
                progress?.Report(new AnalysisProgress(AnalysisStage.Outcomes, 1, 1, total, total));
                return;
            }

            index++;
            if (progress is not null && (index & (ProgressInterval - 1)) == 0)
            {
                progress.Report(new AnalysisProgress(AnalysisStage.Outcomes, 1, 1, index, total));
            }
        }
    }

    /// <summary>Moves to the next outcome like an odometer; false after the last one.</summary>
    private bool Advance(Span<int> digits, Span<int> utilities, ref int redLinesCrossed)
    {
        for (var issue = 0; issue < _issues; issue++)
        {
            var from = digits[issue];
            var to = from + 1 == _radices[issue] ? 0 : from + 1;
            digits[issue] = to;
            var fromCells = _cells.AsSpan(((issue * OptionStride) + from) * _parties, _parties);
            var toCells = _cells.AsSpan(((issue * OptionStride) + to) * _parties, _parties);
            for (var party = 0; party < _parties; party++)
            {
                utilities[party] += toCells[party] - fromCells[party];
            }

            redLinesCrossed += (_redLine[(issue * OptionStride) + to] ? 1 : 0) - (_redLine[(issue * OptionStride) + from] ? 1 : 0);
            if (to != 0)
            {
                return true;
            }
        }

        return false;
    }
}
