using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NegotiationGame.Domain.Scenarios;

/// <summary>
/// Reads typed values out of a JSON tree and records a problem, with its JSON path, for everything that is
/// missing, mistyped or out of range, so that one pass reports all of a file's problems instead of the first.
/// </summary>
internal sealed partial class JsonProblemReader
{
    private readonly List<ScenarioProblem> _problems = [];

    public IReadOnlyList<ScenarioProblem> Problems => _problems;

    public int ProblemCount => _problems.Count;

    public void Report(string path, string message) => _problems.Add(new ScenarioProblem(path, message));

    public static string Child(string path, string property) =>
        IdPattern().IsMatch(property) || SimplePropertyPattern().IsMatch(property)
            ? $"{path}.{property}"
            : $"{path}['{property.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Item(string path, int index) => $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";

    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    /// <summary>
    /// Checks that <paramref name="element"/> is an object whose properties are all known, none repeated and
    /// every required one present. Returns false (with a problem recorded) when it is not an object at all.
    /// </summary>
    public bool ExpectObject(JsonElement element, string path, string[] required, string[] optional)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Report(path, $"must be an object, found {Describe(element)}");
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                Report(Child(path, property.Name), "appears more than once");
            }
            else if (Array.IndexOf(required, property.Name) < 0 && Array.IndexOf(optional, property.Name) < 0)
            {
                Report(Child(path, property.Name), $"unknown property (expected one of: {string.Join(", ", required.Concat(optional))})");
            }
        }

        foreach (var name in required)
        {
            if (!seen.Contains(name))
            {
                Report(Child(path, name), "is required but missing");
            }
        }

        return true;
    }

    /// <summary>
    /// Checks that <paramref name="element"/> is an object used as a map (keys are ids of things defined elsewhere)
    /// and that no key repeats.
    /// </summary>
    public bool ExpectMap(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Report(path, $"must be an object, found {Describe(element)}");
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                Report(Child(path, property.Name), "appears more than once");
            }
        }

        return true;
    }

    public string? String(JsonElement parent, string name, string path, bool required = true, int maxLength = 20_000)
    {
        if (!parent.TryGetProperty(name, out var element))
        {
            return null;
        }

        var at = Child(path, name);
        if (element.ValueKind != JsonValueKind.String)
        {
            Report(at, $"must be a string, found {Describe(element)}");
            return null;
        }

        var text = element.GetString()!;
        if (required && string.IsNullOrWhiteSpace(text))
        {
            Report(at, "must not be empty");
            return null;
        }

        if (text.Length > maxLength)
        {
            Report(at, $"is {text.Length} characters long; at most {maxLength} are allowed");
            return null;
        }

        return text;
    }

    public string? Id(JsonElement parent, string name, string path)
    {
        var text = String(parent, name, path);
        if (text is not null && !IsValidId(text))
        {
            Report(Child(path, name), $"'{text}' is not a valid id (lower-case letters, digits and '-', starting with a letter, at most 32 characters)");
            return null;
        }

        return text;
    }

    public int? Integer(JsonElement element, string path, int min, int max)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            Report(path, $"must be a whole number from {min} to {max}, found {Describe(element)}");
            return null;
        }

        if (!element.TryGetInt32(out var value))
        {
            Report(path, $"must be a whole number from {min} to {max}, found {element.GetRawText()}");
            return null;
        }

        if (value < min || value > max)
        {
            Report(path, $"{value} is out of range: it must be from {min} to {max}");
            return null;
        }

        return value;
    }

    public double? Number(JsonElement element, string path, double min, double max)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            Report(path, $"must be a number from {Format(min)} to {Format(max)}, found {Describe(element)}");
            return null;
        }

        var value = element.GetDouble();
        if (value < min || value > max)
        {
            Report(path, $"{element.GetRawText()} is out of range: it must be from {Format(min)} to {Format(max)}");
            return null;
        }

        return value;
    }

    /// <summary>
    /// A non-negative number read exactly, from its text rather than through a binary double, with at most
    /// <paramref name="maxDecimals"/> decimals.
    /// </summary>
    public decimal? ExactNumber(JsonElement element, string path, decimal max, int maxDecimals)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            Report(path, $"must be a number from 0 to {max.ToString(CultureInfo.InvariantCulture)}, found {Describe(element)}");
            return null;
        }

        var text = element.GetRawText();
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || value > max)
        {
            Report(path, $"{text} is out of range: it must be from 0 to {max.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        var scaled = value * (decimal)Math.Pow(10, maxDecimals);
        if (scaled != decimal.Truncate(scaled))
        {
            Report(path, $"{text} has more than {maxDecimals} decimals");
            return null;
        }

        return value;
    }

    public bool ExpectArray(JsonElement element, string path, int minItems, int maxItems)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            Report(path, $"must be an array, found {Describe(element)}");
            return false;
        }

        var length = element.GetArrayLength();
        if (length < minItems || length > maxItems)
        {
            Report(path, minItems == maxItems
                ? $"must have exactly {minItems} items, found {length}"
                : $"must have from {minItems} to {maxItems} items, found {length}");
        }

        return true;
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Truncate(element.GetString()!)}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_]*$")]
    private static partial Regex SimplePropertyPattern();
}
