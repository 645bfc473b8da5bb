using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using NegotiationGame.Host;
using NegotiationGame.Host.Cluster;
using NegotiationGame.Host.Limits;
using NegotiationGame.Host.Relay;
using NegotiationGame.Host.Telemetry;

using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Deploy.Tests.Support;

/// <summary>
/// Environment variables given to the server (by the Dockerfile, docker-compose.yml or a manifest) as the server reads
/// them: names with <c>__</c> become configuration keys with <c>:</c>, over appsettings.json, and each product key
/// must bind to a property of the settings class that owns its section.
/// </summary>
internal static class ServerEnvironment
{
    /// <summary>Variables read by the runtime, ASP.NET Core, OpenTelemetry or Orleans' Kubernetes hosting rather than by the product's settings.</summary>
    private static readonly string[] ForeignPrefixes = ["OTEL_", "ASPNETCORE_", "DOTNET_", "POD_", "ORLEANS_", "Logging__"];

    /// <summary>The product's sections, longest first, each with the class that owns it.</summary>
    private static readonly (string Section, Type Settings)[] Sections =
    [
        (FanoutSettings.Section, typeof(FanoutSettings)),
        (AbuseLimits.Section, typeof(AbuseLimits)),
        (TelemetrySettings.Section, typeof(TelemetrySettings)),
        (HostSettings.Section, typeof(HostSettings)),
    ];

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The configuration the server builds from appsettings.json and these variables.</summary>
    public static IConfiguration Configuration(IEnumerable<KeyValuePair<string, string>> variables) =>
        new ConfigurationBuilder()
            .AddJsonFile(RepositoryFiles.Path(Path.Combine("src", "NegotiationGame.Host", "appsettings.json")))
            .AddInMemoryCollection(variables.Select(variable => KeyValuePair.Create(Key(variable.Key), (string?)variable.Value)))
            .Build();

    public static string Key(string variable) => variable.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);

    /// <summary>
    /// Fails, naming the variable, unless each one is a key of the product's settings whose bound value is the one given
    /// (or the connection string the cluster reads, or a variable another component reads).
    /// </summary>
    public static void AssertEveryVariableIsASetting(IEnumerable<KeyValuePair<string, string>> variables, string where)
    {
        foreach (var (name, value) in variables)
        {
            if (name == "Urls" || ForeignPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            {
                continue;
            }

            var key = Key(name);
            if (key.StartsWith("ConnectionStrings:", StringComparison.Ordinal))
            {
                Assert.True(key == $"ConnectionStrings:{ClusterBackend.ConnectionStringName}", $"{where}: {name} names no connection string the server reads.");
                continue;
            }

            var (section, settingsType) = Sections.FirstOrDefault(owner => key.StartsWith(owner.Section + ConfigurationPath.KeyDelimiter, StringComparison.OrdinalIgnoreCase));
            Assert.True(section is not null, $"{where}: {name} is in no section of the server's settings.");
            var relative = key[(section.Length + 1)..];
            var configuration = new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create(relative, (string?)value)]).Build();
            object bound;
            try
            {
                bound = configuration.Get(settingsType, binder => binder.ErrorOnUnknownConfiguration = true)!;
            }
            catch (InvalidOperationException unknown)
            {
                Assert.Fail($"{where}: {name} is no setting of {settingsType.Name}: {unknown.Message}");
                throw;
            }

            Assert.True(
                string.Equals(Read(JsonSerializer.SerializeToNode(bound, settingsType, Json), relative), value, StringComparison.OrdinalIgnoreCase),
                $"{where}: {name}={value} did not arrive in {settingsType.Name} as given.");
        }
    }

    /// <summary>The value at a configuration path (<c>NodeUrls:0</c>) of a bound settings object, as configuration would write it.</summary>
    private static string? Read(JsonNode? node, string relative)
    {
        foreach (var part in relative.Split(ConfigurationPath.KeyDelimiter))
        {
            node = node switch
            {
                JsonObject map => map.FirstOrDefault(entry => entry.Key.Equals(part, StringComparison.OrdinalIgnoreCase)).Value,
                JsonArray list when int.TryParse(part, out var index) && index < list.Count => list[index],
                _ => null,
            };
        }

        return node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node?.ToJsonString();
    }
}
