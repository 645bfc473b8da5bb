namespace NegotiationGame.Host.Tests.Telemetry;

/// <summary>One span as an OTLP receiver got it: ids in hex, an empty parent for a root, and the scope that made it.</summary>
internal sealed record OtlpSpan(string TraceId, string SpanId, string ParentSpanId, string Name, string Scope);
