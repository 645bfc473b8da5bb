using System.Collections.Immutable;

namespace NegotiationGame.Host.Hubs.Binding;

/// <summary>Checks of a command's lists that JSON binding leaves open: items may be null there.</summary>
internal static class CommandShapes
{
    public static string? PackageProblem(ImmutableDictionary<string, string> package) =>
        package.Values.Any(option => option is null) ? "Every issue of package needs an option id (a string)." : null;

    public static string? PartiesProblem(ImmutableArray<string> parties, string field) =>
        parties.IsDefault || parties.Any(party => party is null) ? $"{field} must be a list of party ids (strings)." : null;
}
