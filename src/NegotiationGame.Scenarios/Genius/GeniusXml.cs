using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace NegotiationGame.Scenarios.Genius;

/// <summary>
/// Reads one GENIUS file as XML, safely: no DTD (so no entity expansion and no external entity), no resolver (so
/// nothing is fetched), and at most <see cref="MaxFileBytes"/>, which is far more than any domain the scenario
/// format can hold (16 issues of 16 options is a few kilobytes). Also names elements for messages.
/// </summary>
internal sealed class GeniusXml(GeniusFile file)
{
    /// <summary>The largest GENIUS file read, in bytes (and the most characters the XML reader accepts).</summary>
    public const int MaxFileBytes = 1 << 20;

    private static readonly string[] IdentifyingAttributes = ["name", "index", "value"];

    public GeniusFile File { get; } = file;

    public XElement Load()
    {
        if (File.Content.Length > MaxFileBytes)
        {
            throw Refuse(GeniusProblemKind.TooLarge, string.Empty, $"is {File.Content.Length:N0} bytes; GENIUS files of at most {MaxFileBytes:N0} bytes are read");
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxFileBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };
        try
        {
            using var stream = new MemoryStream(File.Content.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo).Root
                ?? throw Refuse(GeniusProblemKind.NotWellFormed, string.Empty, "has no root element");
        }
        catch (XmlException exception) when (exception.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw Refuse(GeniusProblemKind.NotWellFormed, string.Empty, $"declares a DTD (<!DOCTYPE …>, line {exception.LineNumber}), which is refused so that no entity can expand or fetch anything");
        }
        catch (XmlException exception)
        {
            throw Refuse(GeniusProblemKind.NotWellFormed, string.Empty, $"is not well-formed XML: {exception.Message}");
        }
    }

    public GeniusImportException Refuse(GeniusProblemKind kind, XElement element, string message) =>
        Refuse(kind, Describe(element), message);

    public GeniusImportException Refuse(GeniusProblemKind kind, string element, string message) =>
        new(new GeniusImportProblem(kind, File.Name, element, message));

    /// <summary>An element as a person finds it in the file: its tag, identifying attributes and line.</summary>
    public static string Describe(XElement element)
    {
        var attributes = string.Concat(
            IdentifyingAttributes.Select(name => element.Attribute(name) is { } attribute ? $" {name}=\"{attribute.Value}\"" : string.Empty));
        var line = element is IXmlLineInfo info && info.HasLineInfo() ? $" (line {info.LineNumber})" : string.Empty;
        return $"<{element.Name.LocalName}{attributes}>{line}";
    }

    public string RequiredAttribute(XElement element, string name)
    {
        var value = element.Attribute(name)?.Value;
        return string.IsNullOrWhiteSpace(value)
            ? throw Refuse(GeniusProblemKind.InvalidValue, element, $"has no '{name}' attribute")
            : value.Trim();
    }

    /// <summary>A number as GENIUS writes it (Java's decimal or exponent notation), read exactly as a decimal.</summary>
    public decimal Number(XElement element, string attributeName, GeniusProblemKind missingKind)
    {
        var text = element.Attribute(attributeName)?.Value;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Refuse(missingKind, element, $"has no '{attributeName}' attribute");
        }

        return decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Refuse(GeniusProblemKind.InvalidValue, element, $"'{attributeName}' is '{text}', not a number");
    }

    public int Index(XElement element, string attributeName) =>
        int.TryParse(RequiredAttribute(element, attributeName), NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)
            ? index
            : throw Refuse(GeniusProblemKind.InvalidValue, element, $"'{attributeName}' is '{element.Attribute(attributeName)?.Value}', not a whole number");

    /// <summary>The <c>&lt;utility_space&gt;</c>, whether it is the root or wrapped in a <c>&lt;negotiation_template&gt;</c>.</summary>
    public XElement UtilitySpace(XElement root)
    {
        var space = root.Name.LocalName switch
        {
            "utility_space" => root,
            "negotiation_template" => root.Elements("utility_space").SingleOrDefault(),
            _ => null,
        };
        return space ?? throw Refuse(GeniusProblemKind.NotGenius, root, "is not a GENIUS file: expected <utility_space>, or <negotiation_template> holding one <utility_space>");
    }
}
