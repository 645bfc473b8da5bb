using System.Text;

namespace NegotiationGame.Host.Tests.Telemetry;

/// <summary>
/// Reads the few fields a test needs from an OTLP <c>ExportTraceServiceRequest</c> in protobuf: resource_spans (1) →
/// scope_spans (2) → scope (1) → name (1), and spans (2) → trace_id (1), span_id (2), parent_span_id (4), name (5).
/// Every other field is skipped by its wire type.
/// </summary>
internal static class OtlpTraceDecoder
{
    private const int Varint = 0;
    private const int Fixed64 = 1;
    private const int LengthDelimited = 2;
    private const int Fixed32 = 5;

    public static IReadOnlyList<OtlpSpan> Decode(ReadOnlyMemory<byte> request)
    {
        var spans = new List<OtlpSpan>();
        foreach (var (field, resourceSpans) in Fields(request))
        {
            if (field != 1)
            {
                continue;
            }

            foreach (var (resourceField, scopeSpans) in Fields(resourceSpans))
            {
                if (resourceField == 2)
                {
                    ReadScopeSpans(scopeSpans, spans);
                }
            }
        }

        return spans;
    }

    private static void ReadScopeSpans(ReadOnlyMemory<byte> scopeSpans, List<OtlpSpan> spans)
    {
        var scope = "";
        var raw = new List<ReadOnlyMemory<byte>>();
        foreach (var (field, value) in Fields(scopeSpans))
        {
            if (field == 1)
            {
                scope = Fields(value).Where(f => f.Field == 1).Select(f => Encoding.UTF8.GetString(f.Value.Span)).FirstOrDefault() ?? "";
            }
            else if (field == 2)
            {
                raw.Add(value);
            }
        }

        foreach (var span in raw)
        {
            string traceId = "", spanId = "", parent = "", name = "";
            foreach (var (field, value) in Fields(span))
            {
                switch (field)
                {
                    case 1: traceId = Convert.ToHexStringLower(value.Span); break;
                    case 2: spanId = Convert.ToHexStringLower(value.Span); break;
                    case 4: parent = Convert.ToHexStringLower(value.Span); break;
                    case 5: name = Encoding.UTF8.GetString(value.Span); break;
                }
            }

            spans.Add(new OtlpSpan(traceId, spanId, parent, name, scope));
        }
    }

    /// <summary>The length-delimited fields of one message, in order; fields of other wire types are skipped.</summary>
    private static List<(int Field, ReadOnlyMemory<byte> Value)> Fields(ReadOnlyMemory<byte> message)
    {
        var fields = new List<(int, ReadOnlyMemory<byte>)>();
        var span = message.Span;
        var at = 0;
        while (at < span.Length)
        {
            var key = ReadVarint(span, ref at);
            var field = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case Varint:
                    ReadVarint(span, ref at);
                    break;
                case Fixed64:
                    at += 8;
                    break;
                case Fixed32:
                    at += 4;
                    break;
                case LengthDelimited:
                    var length = (int)ReadVarint(span, ref at);
                    fields.Add((field, message.Slice(at, length)));
                    at += length;
                    break;
                default:
                    throw new InvalidDataException($"Wire type {key & 7} is not one OTLP uses.");
            }
        }

        return fields;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> span, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var next = span[at++];
            value |= (ulong)(next & 0x7F) << shift;
            if ((next & 0x80) == 0)
            {
                return value;
            }
        }
    }
}
