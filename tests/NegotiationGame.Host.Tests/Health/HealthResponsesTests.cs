using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NegotiationGame.Host.Health;

namespace NegotiationGame.Host.Tests.Health;

/// <summary>What the readiness body tells whoever can reach it: which check failed and our reason, never a driver's message.</summary>
public sealed class HealthResponsesTests
{
    [Fact]
    public async Task A_failed_check_shows_its_own_reason_and_a_check_that_threw_shows_none_of_its_exception()
    {
        var report = new HealthReport(
            new Dictionary<string, HealthReportEntry>
            {
                ["store"] = new(HealthStatus.Unhealthy, "the store did not answer within 2 s", TimeSpan.Zero, exception: null, data: null),
                ["silo"] = new(HealthStatus.Unhealthy, "Host=db.internal;Password=secret", TimeSpan.Zero, new InvalidOperationException("Host=db.internal;Password=secret"), data: null),
            },
            TimeSpan.Zero);

        var body = await WriteAsync(report);

        Assert.Equal("""{"status":"failing","checks":{"silo":{"status":"failing"},"store":{"status":"failing","reason":"the store did not answer within 2 s"}}}""", body);
    }

    [Fact]
    public async Task Passing_checks_show_no_reason()
    {
        var report = new HealthReport(
            new Dictionary<string, HealthReportEntry> { ["store"] = new(HealthStatus.Healthy, "fine", TimeSpan.Zero, exception: null, data: null) },
            TimeSpan.Zero);

        Assert.Equal("""{"status":"ok","checks":{"store":{"status":"ok"}}}""", await WriteAsync(report));
    }

    private static async Task<string> WriteAsync(HealthReport report)
    {
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;
        await HealthResponses.WriteReadinessAsync(context, report);
        return Encoding.UTF8.GetString(body.ToArray());
    }
}
