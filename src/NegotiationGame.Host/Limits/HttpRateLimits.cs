using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace NegotiationGame.Host.Limits;

/// <summary>
/// ASP.NET Core's rate-limiting middleware for what arrives as plain HTTP: opening hub connections, downloads and the dashboard,
/// per client address. A refusal is 429 with <c>Retry-After</c>.
/// </summary>
internal static class HttpRateLimits
{
    public const string Connections = "connections";
    public const string Downloads = "downloads";
    public const string Dashboard = "dashboard";

    public static IServiceCollection AddHttpRateLimits(this IServiceCollection services, AbuseLimits limits) => services.AddRateLimiter(options =>
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, _) =>
        {
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }

            return ValueTask.CompletedTask;
        };
        options.AddPolicy(Connections, context => PerAddress(context, limits.ConnectionsPerAddress));
        options.AddPolicy(Downloads, context => PerAddress(context, limits.DownloadsPerAddress));
        options.AddPolicy(Dashboard, context => PerAddress(context, limits.DashboardPerAddress));
    });

    private static RateLimitPartition<string> PerAddress(HttpContext context, TokenBucket bucket) =>
        RateLimitPartition.GetTokenBucketLimiter(ClientAddress.Of(context), _ => CallLimiter.Options(bucket));
}
