using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NegotiationGame.Host.Health;

/// <summary>
/// The bodies of the health endpoints: small JSON that names each readiness check and, for one that failed, our own
/// description of why. Never an exception's message (the health check service makes a check that throws describe
/// itself with it): a driver's may carry a host name or a connection string.
/// </summary>
internal static class HealthResponses
{
    private const string Passing = "ok";
    private const string Failing = "failing";

    /// <summary><c>{"status":"ok"}</c>: the body <c>/healthz</c> has always had.</summary>
    public static Task WriteLivenessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync($$"""{"status":"{{StatusOf(report.Status)}}"}""");
    }

    /// <summary><c>{"status":"failing","checks":{"silo":{"status":"ok"},"store":{"status":"failing","reason":"…"}}}</c>.</summary>
    public static async Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", StatusOf(report.Status));
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject(name);
            json.WriteString("status", StatusOf(entry.Status));
            if (entry.Status != HealthStatus.Healthy && entry.Exception is null && entry.Description is { } reason)
            {
                json.WriteString("reason", reason);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static string StatusOf(HealthStatus status) => status == HealthStatus.Healthy ? Passing : Failing;
}
