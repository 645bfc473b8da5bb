using System.Net;
using NegotiationGame.Tests;

namespace NegotiationGame.Host.Tests.Telemetry;

/// <summary>
/// A minimal OTLP/HTTP collector on 127.0.0.1: it answers every POST with 200 and keeps the spans of those sent to
/// <c>/v1/traces</c> (protobuf), so that a test can await the spans a real server exported.
/// </summary>
internal sealed class OtlpTraceReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<OtlpSpan> _spans = [];
    private readonly Task _serving;
    private TaskCompletionSource _received = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OtlpTraceReceiver()
    {
        Port = LoopbackPorts.FindFree();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    /// <summary>
    /// Waits until the spans received so far satisfy <paramref name="condition"/>, looking again at each export that
    /// arrives; fails after <paramref name="patience"/>, with what it got.
    /// </summary>
    public async Task<IReadOnlyList<OtlpSpan>> WaitForAsync(Func<IReadOnlyList<OtlpSpan>, bool> condition, TimeSpan patience)
    {
        using var giveUp = new CancellationTokenSource(patience);
        while (true)
        {
            Task received;
            OtlpSpan[] spans;
            lock (_spans)
            {
                spans = [.. _spans];
                received = _received.Task;
            }

            if (condition(spans))
            {
                return spans;
            }

            try
            {
                await received.WaitAsync(giveUp.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Waited {patience.TotalSeconds} s for the spans; got:\n{string.Join('\n', spans.Select(s => $"{s.TraceId} {s.SpanId} <- {s.ParentSpanId} [{s.Scope}] {s.Name}"))}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
        {
            // Stopping the listener ends the pending accept.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var spans = context.Request.Url?.AbsolutePath == "/v1/traces" ? OtlpTraceDecoder.Decode(body.ToArray()) : [];
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
            if (spans.Count > 0)
            {
                lock (_spans)
                {
                    _spans.AddRange(spans);
                    _received.TrySetResult();
                    _received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }
    }
}
