using System.Text.RegularExpressions;

namespace NegotiationGame.Deploy.Tests.Support;

/// <summary>
/// The layout the image promises to docker-compose.yml and the manifests: where the server and the command line are,
/// where data may be written, the environment it sets and the HTTP port that environment makes the server listen on.
/// </summary>
internal static partial class DockerImage
{
    public const string ServerFolder = "/app/";
    public const string CliFolder = "/app/cli/";
    public const string DataFolder = "/app/data";

    /// <summary>The runtime stage's ENV, as name/value pairs.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Environment() =>
        [.. Dockerfile.Stages()[^1].All("ENV")
            .SelectMany(env => Assignment().Matches(env.Arguments))
            .Select(match => KeyValuePair.Create(match.Groups["name"].Value, match.Groups["value"].Value))];

    /// <summary>The port the server listens on in a container: the one in Urls as the image's environment sets it over appsettings.json.</summary>
    public static int HttpPort =>
        new Uri(ServerEnvironment.Configuration(Environment())["Urls"]!.Replace("+", "localhost", StringComparison.Ordinal)).Port;

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?<value>\S+)")]
    private static partial Regex Assignment();
}
