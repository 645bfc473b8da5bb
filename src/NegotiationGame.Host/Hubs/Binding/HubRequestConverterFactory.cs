using System.Text.Json;
using System.Text.Json.Serialization;

namespace NegotiationGame.Host.Hubs.Binding;

/// <summary>Reads any JSON value into a <see cref="HubRequest{T}"/>: the bound request, or the reason it is not one.</summary>
internal sealed class HubRequestConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(HubRequest<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(HubRequestConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class HubRequestConverter<T> : JsonConverter<HubRequest<T>>
        where T : class
    {
        public override bool HandleNull => true;

        public override HubRequest<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // The request is read from a copy of the reader, and the protocol's own reader steps over the whole value,
            // so that a request that fails to bind leaves it intact. A reader holding only part of the value cannot
            // step over it; that value is copied out as a document first.
            var request = reader;
            if (reader.TrySkip())
            {
                return RequestJson.Bind<T>(ref request);
            }

            using var document = JsonDocument.ParseValue(ref reader);
            return RequestJson.Bind<T>(document.RootElement);
        }

        public override void Write(Utf8JsonWriter writer, HubRequest<T> value, JsonSerializerOptions options) =>
            throw new NotSupportedException("Requests are only read.");
    }
}
