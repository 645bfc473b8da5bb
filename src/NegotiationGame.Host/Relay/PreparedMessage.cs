using System.Text.Json;
using System.Text.Json.Serialization;

namespace NegotiationGame.Host.Relay;

/// <summary>
/// A message pushed to every connection watching a game, serialized once for all of them: SignalR writes each
/// connection's message separately, and serializing the same event again for each watcher was a fifth of the
/// fan-out's cost. The first connection's send serializes it with the hub protocol's options; the others copy the
/// bytes. The wire form is exactly the message's own.
/// </summary>
[JsonConverter(typeof(PreparedMessageConverter))]
public sealed class PreparedMessage(object message)
{
    private byte[]? _json;

    public object Message { get; } = message ?? throw new ArgumentNullException(nameof(message));

    internal ReadOnlySpan<byte> Json(JsonSerializerOptions options) =>
        _json ??= JsonSerializer.SerializeToUtf8Bytes(Message, Message.GetType(), options);

    private sealed class PreparedMessageConverter : JsonConverter<PreparedMessage>
    {
        public override PreparedMessage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Prepared messages are only written.");

        public override void Write(Utf8JsonWriter writer, PreparedMessage value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Json(options), skipInputValidation: true);
    }
}
