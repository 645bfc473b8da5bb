using System.Globalization;

namespace NegotiationGame.LoadTests;

/// <summary>Command-line options of the form <c>--name value</c> and bare flags, read in any order.</summary>
internal sealed class Options
{
    private readonly string[] _args;

    private Options(string[] args) => _args = args;

    public static Options Parse(string[] args) => new(args);

    public bool Has(string name) => _args.Contains(name, StringComparer.Ordinal);

    public string? Value(string name) => _args.SkipWhile(arg => arg != name).Skip(1).FirstOrDefault();

    public int Int(string name, int fallback) => Value(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => Value(name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
