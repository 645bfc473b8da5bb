using System.Globalization;
using System.Net;
using System.Text;

namespace NegotiationGame.LoadTests;

/// <summary>A horizontal bar chart as a standalone SVG, so that load results can be read at a glance in the docs.</summary>
internal static class BarChart
{
    public static string Svg(string title, IReadOnlyList<(string Label, double Value, string Color)> bars, string unit)
    {
        const int width = 760, labelWidth = 250, barHeight = 28, gap = 12, top = 48, valueWidth = 130;
        var height = top + (bars.Count * (barHeight + gap)) + 16;
        var max = bars.Max(bar => bar.Value);
        var svg = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        svg.Append(invariant, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="14">""").AppendLine();
        svg.Append(invariant, $"""<rect width="{width}" height="{height}" fill="#ffffff"/>""").AppendLine();
        svg.Append(invariant, $"""<text x="16" y="28" font-size="16" font-weight="bold">{WebUtility.HtmlEncode(title)}</text>""").AppendLine();
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, color) = bars[i];
            var y = top + (i * (barHeight + gap));
            var length = (width - labelWidth - valueWidth) * value / max;
            svg.Append(invariant, $"""<text x="16" y="{y + 19}">{WebUtility.HtmlEncode(label)}</text>""").AppendLine();
            svg.Append(invariant, $"""<rect x="{labelWidth}" y="{y}" width="{length:F1}" height="{barHeight}" fill="{color}"/>""").AppendLine();
            svg.Append(invariant, $"""<text x="{labelWidth + length + 8:F1}" y="{y + 19}">{value:N0} {WebUtility.HtmlEncode(unit)}</text>""").AppendLine();
        }

        svg.AppendLine("</svg>");
        return svg.ToString();
    }
}
