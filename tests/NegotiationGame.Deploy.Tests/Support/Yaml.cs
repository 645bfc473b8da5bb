using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace NegotiationGame.Deploy.Tests.Support;

/// <summary>
/// One node of a parsed YAML document (docker-compose.yml, a manifest), with anchors and merge keys (<c>&lt;&lt;: *x</c>)
/// resolved as docker compose and kubectl resolve them. A missing key fails with the path to it, so that a test's
/// failure says which part of which file is wrong.
/// </summary>
internal sealed class Yaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    private readonly object? _value;

    private Yaml(object? value, string path)
    {
        _value = value;
        Path = path;
    }

    /// <summary>Where this node is, as <c>services.silo1.environment</c>.</summary>
    public string Path { get; }

    /// <summary>Every document of a file (a manifest holds several, separated by <c>---</c>).</summary>
    public static IReadOnlyList<Yaml> LoadAll(string file)
    {
        using var reader = new StringReader(File.ReadAllText(file));
        var parser = new MergingParser(new Parser(reader));
        parser.Consume<StreamStart>();
        var documents = new List<Yaml>();
        while (parser.Accept<DocumentStart>(out _))
        {
            var document = Deserializer.Deserialize(parser);
            if (document is not null)
            {
                documents.Add(new Yaml(document, System.IO.Path.GetFileName(file)));
            }
        }

        return documents;
    }

    public static Yaml Load(string file) => Assert.Single(LoadAll(file));

    public Yaml this[string key] =>
        Find(key) ?? throw new KeyNotFoundException($"{Path} has no '{key}'.");

    public Yaml? Find(string key) =>
        Map().TryGetValue(key, out var value) ? new Yaml(value, $"{Path}.{key}") : null;

    public bool Has(string key) => Map().ContainsKey(key);

    public IEnumerable<KeyValuePair<string, Yaml>> Entries =>
        Map().Select(entry => KeyValuePair.Create(entry.Key, new Yaml(entry.Value, $"{Path}.{entry.Key}")));

    public IReadOnlyList<Yaml> Items =>
        _value is List<object> items
            ? [.. items.Select((item, index) => new Yaml(item, string.Create(CultureInfo.InvariantCulture, $"{Path}[{index}]")))]
            : throw new InvalidOperationException($"{Path} is no sequence.");

    public string Text =>
        _value as string ?? throw new InvalidOperationException($"{Path} is no scalar.");

    public IReadOnlyList<string> Texts => [.. Items.Select(item => item.Text)];

    public int Number => int.Parse(Text, CultureInfo.InvariantCulture);

    private Dictionary<string, object?> Map() =>
        _value is Dictionary<object, object?> map
            ? map.ToDictionary(entry => (string)entry.Key, entry => entry.Value, StringComparer.Ordinal)
            : throw new InvalidOperationException($"{Path} is no mapping.");
}
