using System.Globalization;
using NegotiationGame.Domain.Analytics;

namespace NegotiationGame.Cli;

/// <summary>
/// Writes an analysis's progress to the error stream at most once per <see cref="Interval"/>, so a long analysis
/// shows that it is alive without flooding a terminal; a short one (under the interval) prints nothing.
/// </summary>
internal sealed class AnalysisProgressWriter(TextWriter error, TimeProvider time) : IProgress<AnalysisProgress>
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly long _started = time.GetTimestamp();
    private long _lastWritten = time.GetTimestamp();

    public void Report(AnalysisProgress value)
    {
        var now = time.GetTimestamp();
        if (time.GetElapsedTime(_lastWritten, now) < Interval)
        {
            return;
        }

        _lastWritten = now;
        var elapsed = time.GetElapsedTime(_started, now).TotalSeconds;
        var share = value.Total == 0 ? 1.0 : (double)value.Done / value.Total;
        var what = value.Stage == AnalysisStage.Frontier
            ? string.Create(CultureInfo.InvariantCulture, $"frontier, issue {value.Step} of {value.Steps}: {value.Done:N0} of {value.Total:N0} candidate vectors")
            : string.Create(CultureInfo.InvariantCulture, $"outcomes: {value.Done:N0} of {value.Total:N0}");
        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"analyze: {what} ({share:P0}, {elapsed:0} s)"));
    }
}
