using System.Text.Json;
using System.Text.Json.Serialization;

namespace NegotiationGame.Host.Hubs.Binding;

/// <summary>
/// How requests are read: names in camelCase, numbers only as JSON numbers of the declared type (no "2", no 1.5 for a
/// whole number, nothing past its range), no duplicate keys, no null where the request needs a value, and every
/// required field present. What does not fit is refused as a whole, naming the first problem.
/// </summary>
public static class RequestJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        AllowDuplicateProperties = false,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowOutOfOrderMetadataProperties = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        MaxDepth = 16,
    };

    /// <summary>Binds <paramref name="json"/> to <typeparamref name="T"/> or says why it cannot be.</summary>
    public static HubRequest<T> Bind<T>(JsonElement json)
        where T : class
    {
        var reader = new Utf8JsonReader(json.ValueKind == JsonValueKind.Undefined ? "null"u8 : System.Text.Encoding.UTF8.GetBytes(json.GetRawText()));
        reader.Read();
        return Bind<T>(ref reader);
    }

    /// <summary>Binds the value at <paramref name="reader"/> to <typeparamref name="T"/> or says why it cannot be.</summary>
    public static HubRequest<T> Bind<T>(ref Utf8JsonReader reader)
        where T : class
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return new HubRequest<T>(null, $"The argument must be a JSON object, not {Describe(reader.TokenType)}.");
        }

        try
        {
            return Validated(JsonSerializer.Deserialize<T>(ref reader, Options));
        }
        catch (JsonException exception)
        {
            return new HubRequest<T>(null, Explain(exception));
        }
        catch (NotSupportedException)
        {
            return new HubRequest<T>(null, UnknownType);
        }
    }

    private const string UnknownType = "A command needs a known \"type\".";

    private static HubRequest<T> Validated<T>(T? value)
        where T : class
    {
        if (value is IValidatedRequest validated && validated.Problem() is { } problem)
        {
            return new HubRequest<T>(null, problem);
        }

        return value is null ? new HubRequest<T>(null, "The argument must be a JSON object.") : new HubRequest<T>(value, null);
    }

    private static string Explain(JsonException exception) =>
        exception.Path is { Length: > 1 } path
            ? $"The field {path[2..]} is missing, repeated or not of the expected type."
            : "The request is not of the expected shape.";

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Null or JsonTokenType.None => "null",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        _ => "a boolean",
    };
}
