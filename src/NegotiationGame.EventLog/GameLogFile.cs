using System.Globalization;
using System.Text.Json;
using NegotiationGame.Contracts;
using NegotiationGame.Storage;

namespace NegotiationGame.EventLog;

/// <summary>
/// A game's log as JSON Lines: a header line <c>{"format":"negotiationgame-log","version":1,"gameId":…}</c>, then one
/// line per entry <c>{"sequence":…,"at":…,"commandId":…,"type":…,"data":{…}}</c>. Lossless: reading a written file
/// gives back the same entries, so a log moves to another server and replays there.
/// </summary>
public static class GameLogFile
{
    public const string Format = "negotiationgame-log";
    public const int Version = 1;

    public static void Write(TextWriter writer, string gameId, IEnumerable<LoggedEvent> entries)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);
        writer.WriteLine(JsonSerializer.Serialize(new { format = Format, version = Version, gameId }));
        foreach (var entry in entries)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream))
            {
                json.WriteStartObject();
                json.WriteNumber("sequence", entry.Sequence);
                json.WriteString("at", entry.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                json.WriteString("commandId", entry.CommandId);
                json.WriteString("type", entry.Type);
                json.WritePropertyName("data");
                json.WriteRawValue(entry.Data, skipInputValidation: false);
                json.WriteEndObject();
            }

            writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        }
    }

    /// <summary>Reads a log file; a malformed line throws <see cref="FormatException"/> naming the line.</summary>
    public static (string GameId, List<LoggedEvent> Entries) Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lineNumber = 1;
        var header = reader.ReadLine() ?? throw new FormatException("The file is empty.");
        string gameId;
        try
        {
            using var document = JsonDocument.Parse(header);
            var root = document.RootElement;
            if (root.GetProperty("format").GetString() != Format || root.GetProperty("version").GetInt32() != Version)
            {
                throw new FormatException($"Line 1: not a {Format} file of version {Version}.");
            }

            gameId = root.GetProperty("gameId").GetString() ?? throw new FormatException("Line 1: no gameId.");
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"Line 1: not a {Format} header ({exception.Message}).", exception);
        }

        var entries = new List<LoggedEvent>();
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                entries.Add(new LoggedEvent(
                    root.GetProperty("sequence").GetInt64(),
                    DateTimeOffset.Parse(root.GetProperty("at").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                    root.GetProperty("commandId").GetGuid(),
                    root.GetProperty("type").GetString()!,
                    root.GetProperty("data").GetRawText()));
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new FormatException($"Line {lineNumber}: {exception.Message}", exception);
            }
        }

        return (gameId, entries);
    }
}
