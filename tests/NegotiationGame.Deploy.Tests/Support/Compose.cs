using System.Text.RegularExpressions;
using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Deploy.Tests.Support;

/// <summary>
/// docker-compose.yml at the repository's root, with its variables (<c>${NAME:-default}</c>, <c>${NAME:?message}</c>)
/// filled in from deploy/compose.env.example, the file operators copy to .env, as docker compose fills them in.
/// </summary>
internal sealed partial class Compose
{
    public const string ExampleEnvironmentFile = "deploy/compose.env.example";

    private Compose(Yaml root, IReadOnlyDictionary<string, string> variables)
    {
        Root = root;
        Variables = variables;
    }

    public Yaml Root { get; }

    /// <summary>The variables of deploy/compose.env.example.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    public Yaml Services => Root["services"];

    /// <summary>The cluster's nodes: every service whose environment puts the server in cluster mode.</summary>
    public IReadOnlyList<string> Silos =>
        [.. Services.Entries.Where(service => Environment(service.Key).Any(variable => variable is { Key: "NegotiationGame__Mode", Value: "Cluster" })).Select(service => service.Key)];

    public static Compose Load() =>
        new(Yaml.Load(RepositoryFiles.Path("docker-compose.yml")), ReadEnvironmentFile(RepositoryFiles.Path(ExampleEnvironmentFile)));

    public Yaml Service(string name) => Services[name];

    /// <summary>A service's environment, its variables filled in.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment(string service) =>
        Service(service).Find("environment") is { } environment
            ? [.. environment.Entries.Select(variable => KeyValuePair.Create(variable.Key, Interpolate(variable.Value.Text)))]
            : [];

    /// <summary>Fills in <c>${NAME}</c>, <c>${NAME:-default}</c> and <c>${NAME:?message}</c> from the example file; <c>$$</c> is a dollar sign.</summary>
    public string Interpolate(string text) =>
        VariableReference().Replace(text, reference =>
        {
            if (reference.Value == "$$")
            {
                return "$";
            }

            var name = reference.Groups["name"].Value;
            var given = Variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
            return reference.Groups["operator"].Value switch
            {
                ":-" => given ?? reference.Groups["argument"].Value,
                _ => given ?? throw new InvalidOperationException($"docker-compose.yml needs {name}, which {ExampleEnvironmentFile} does not set."),
            };
        });

    private static Dictionary<string, string> ReadEnvironmentFile(string file) =>
        File.ReadAllLines(file)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

    [GeneratedRegex(@"\$\$|\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<operator>:-|:\?)(?<argument>[^}]*))?\}")]
    private static partial Regex VariableReference();
}
