using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.Telemetry;

/// <summary>A real server exporting over OTLP/HTTP to a receiver in the test: one <c>act</c> is one trace, hub to relay.</summary>
public sealed class TraceExportTests
{
    private const string SignalRScope = "Microsoft.AspNetCore.SignalR.Server";
    private const string OrleansScope = "Microsoft.Orleans.Application";
    private const string ProductScope = "NegotiationGame";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly string[] ProductSpans = ["game decide", "store append", "relay fan-out"];

    [Fact]
    public async Task One_act_is_one_trace_through_the_hub_the_game_grain_the_store_and_the_relay()
    {
        await using var receiver = new OtlpTraceReceiver();
        await using var server = await ServerProcess.StartAsync(environment: new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_SERVICE_NAME"] = "negotiationgame-trace-test",
        });
        await using var connection = await server.ConnectAsync();
        var game = await ClassSetup.StartAsync(connection, spectatorDelaySeconds: 0);
        (await connection.CallAsync("watch", new { token = game.UsToken, gameId = game.GameId, afterSequence = 0 })).Ok();

        await game.StatementAsync(connection, "Traced from end to end.");

        var spans = await receiver.WaitForAsync(spans => ActTrace(spans) is { } trace && CoversTheCommand(trace), Patience);
        var act = ActTrace(spans)!;
        var hub = Assert.Single(act, span => span.Scope == SignalRScope);
        Assert.EndsWith("/Act", hub.Name, StringComparison.Ordinal);

        // One tree under the hub's span: every other span's parent is in this trace.
        var ids = act.Select(span => span.SpanId).ToHashSet(StringComparer.Ordinal);
        Assert.All(act.Where(span => span != hub), span => Assert.Contains(span.ParentSpanId, ids));

        // The append runs on the store's writer, yet its span is the game grain call's child, beside the decision.
        var append = Single(act, ProductScope, "store append");
        Assert.True(Parent(act, append) is { Scope: OrleansScope } call && call.Name.Contains("IGameGrain", StringComparison.Ordinal), string.Join('\n', act));
        Assert.Equal(append.ParentSpanId, Single(act, ProductScope, "game decide").ParentSpanId);
    }

    /// <summary>The spans of the trace that holds the hub's span of <c>act</c>, or null while it has not come.</summary>
    private static OtlpSpan[]? ActTrace(IReadOnlyList<OtlpSpan> spans) =>
        spans.FirstOrDefault(span => span.Scope == SignalRScope && span.Name.EndsWith("/Act", StringComparison.Ordinal)) is { } hub
            ? [.. spans.Where(span => span.TraceId == hub.TraceId)]
            : null;

    private static bool CoversTheCommand(OtlpSpan[] trace) =>
        trace.Any(span => span.Scope == OrleansScope && span.Name.Contains("IGameGrain/ExecuteFromSeat", StringComparison.Ordinal))
        && ProductSpans.All(name => trace.Any(span => span.Scope == ProductScope && span.Name == name));

    private static OtlpSpan Single(OtlpSpan[] trace, string scope, string name) => Assert.Single(trace, span => span.Scope == scope && span.Name == name);

    private static OtlpSpan? Parent(OtlpSpan[] trace, OtlpSpan span) => trace.FirstOrDefault(candidate => candidate.SpanId == span.ParentSpanId);
}
