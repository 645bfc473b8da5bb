using System.Globalization;
using System.Net;
using System.Text;

namespace NegotiationGame.LoadTests;

/// <summary>
/// Lines over time as a standalone SVG: series on the left axis (a rate) and on the right axis (milliseconds), so that
/// a load run's throughput and latency can be read second by second in the docs.
/// </summary>
internal static class LineChart
{
    private static readonly int[] AxisSteps = [1, 2, 5, 10];

    public static string Svg(string title, string leftUnit, string rightUnit, IReadOnlyList<LineSeries> series)
    {
        const int width = 860, height = 420, left = 80, right = 80, top = 56, bottom = 64;
        var plotWidth = width - left - right;
        var plotHeight = height - top - bottom;
        var points = series.SelectMany(line => line.Points).ToArray();
        var minX = points.Length == 0 ? 0 : points.Min(point => point.X);
        var maxX = points.Length == 0 ? 1 : Math.Max(minX + 1, points.Max(point => point.X));
        var maxLeft = Ceiling(series.Where(line => !line.RightAxis).SelectMany(line => line.Points).Select(point => point.Y).DefaultIfEmpty(1).Max());
        var maxRight = Ceiling(series.Where(line => line.RightAxis).SelectMany(line => line.Points).Select(point => point.Y).DefaultIfEmpty(1).Max());
        var invariant = CultureInfo.InvariantCulture;
        var svg = new StringBuilder();
        svg.Append(invariant, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="13">""").AppendLine();
        svg.Append(invariant, $"""<rect width="{width}" height="{height}" fill="#ffffff"/>""").AppendLine();
        svg.Append(invariant, $"""<text x="16" y="28" font-size="15" font-weight="bold">{WebUtility.HtmlEncode(title)}</text>""").AppendLine();
        for (var tick = 0; tick <= 4; tick++)
        {
            var y = top + plotHeight - (plotHeight * tick / 4.0);
            svg.Append(invariant, $"""<line x1="{left}" y1="{y:F1}" x2="{left + plotWidth}" y2="{y:F1}" stroke="#e5e7eb"/>""").AppendLine();
            svg.Append(invariant, $"""<text x="{left - 8}" y="{y + 4:F1}" text-anchor="end">{maxLeft * tick / 4:N0}</text>""").AppendLine();
            svg.Append(invariant, $"""<text x="{left + plotWidth + 8}" y="{y + 4:F1}">{maxRight * tick / 4:N0}</text>""").AppendLine();
        }

        svg.Append(invariant, $"""<text x="{left - 8}" y="{top - 12}" text-anchor="end">{WebUtility.HtmlEncode(leftUnit)}</text>""").AppendLine();
        svg.Append(invariant, $"""<text x="{left + plotWidth + 8}" y="{top - 12}">{WebUtility.HtmlEncode(rightUnit)}</text>""").AppendLine();
        svg.Append(invariant, $"""<text x="{left + (plotWidth / 2)}" y="{height - 36}" text-anchor="middle">seconds (negative: warm-up)</text>""").AppendLine();
        foreach (var x in new[] { minX, (minX + maxX) / 2, maxX })
        {
            svg.Append(invariant, $"""<text x="{left + (plotWidth * (x - minX) / (maxX - minX)):F1}" y="{top + plotHeight + 18}" text-anchor="middle">{x:F0}</text>""").AppendLine();
        }

        for (var i = 0; i < series.Count; i++)
        {
            var line = series[i];
            var max = line.RightAxis ? maxRight : maxLeft;
            var path = string.Join(' ', line.Points.Select(point => string.Create(invariant,
                $"{left + (plotWidth * (point.X - minX) / (maxX - minX)):F1},{top + plotHeight - (plotHeight * Math.Min(point.Y, max) / max):F1}")));
            var dash = line.RightAxis ? " stroke-dasharray=\"6 3\"" : "";
            svg.Append(invariant, $"""<polyline fill="none" stroke="{line.Color}" stroke-width="2"{dash} points="{path}"/>""").AppendLine();
            var legendX = 16 + (i * (width - 32) / series.Count);
            svg.Append(invariant, $"""<rect x="{legendX}" y="{height - 22}" width="14" height="4" fill="{line.Color}"/>""").AppendLine();
            svg.Append(invariant, $"""<text x="{legendX + 20}" y="{height - 16}">{WebUtility.HtmlEncode(line.Name)}</text>""").AppendLine();
        }

        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    // A round axis maximum: 1, 2 or 5 times a power of ten, at least the largest value.
    private static double Ceiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return AxisSteps.Select(step => step * power).First(candidate => candidate >= value);
    }
}

/// <summary>One line of a <see cref="LineChart"/>: points (x, y), drawn against the left axis or, dashed, the right.</summary>
internal sealed record LineSeries(string Name, string Color, bool RightAxis, IReadOnlyList<(double X, double Y)> Points);
