using System.Globalization;

namespace NegotiationGame.Host.Tests.Telemetry;

/// <summary>
/// The samples of one Prometheus text exposition (what <c>/metrics</c> serves), read the way a scraper reads them:
/// <c>name{label="value",...} number [timestamp]</c>, comments skipped.
/// </summary>
internal sealed class PrometheusText
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

    public PrometheusText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith('#'))
            {
                _samples.Add(Parse(line));
            }
        }
    }

    public string Text { get; }

    public IEnumerable<string> Names => _samples.Select(sample => sample.Name).Distinct(StringComparer.Ordinal);

    /// <summary>The sum of the samples of <paramref name="name"/> that carry every one of <paramref name="labels"/> ("key=value"); 0 when none does.</summary>
    public double Sum(string name, params string[] labels) =>
        _samples
            .Where(sample => sample.Name == name && labels.All(label => HasLabel(sample.Labels, label)))
            .Sum(sample => sample.Value);

    private static bool HasLabel(Dictionary<string, string> labels, string label)
    {
        var equals = label.IndexOf('=', StringComparison.Ordinal);
        return labels.TryGetValue(label[..equals], out var value) && value == label[(equals + 1)..];
    }

    private static (string, Dictionary<string, string>, double) Parse(string line)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var open = line.IndexOf('{', StringComparison.Ordinal);
        string name;
        string rest;
        if (open < 0)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            name = line[..space];
            rest = line[(space + 1)..];
        }
        else
        {
            name = line[..open];
            var close = line.LastIndexOf('}');
            foreach (var pair in SplitLabels(line[(open + 1)..close]))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                labels[pair[..equals]] = pair[(equals + 2)..^1];
            }

            rest = line[(close + 1)..].Trim();
        }

        var number = rest.Split(' ')[0];
        return (name, labels, number switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            _ => double.Parse(number, CultureInfo.InvariantCulture),
        });
    }

    /// <summary>Splits <c>a="x",b="y,z"</c> at the commas outside quotes.</summary>
    private static IEnumerable<string> SplitLabels(string labels)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] == '"' && (i == 0 || labels[i - 1] != '\\'))
            {
                quoted = !quoted;
            }
            else if (labels[i] == ',' && !quoted)
            {
                yield return labels[start..i];
                start = i + 1;
            }
        }

        if (start < labels.Length)
        {
            yield return labels[start..];
        }
    }
}
