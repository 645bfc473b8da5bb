using NegotiationGame.Host.Limits;
using Orleans.Dashboard;

namespace NegotiationGame.Host.Dashboard;

/// <summary>
/// The Orleans dashboard (grain counts, calls, silo health) at <c>/dashboard</c>, for operators who hold the key that
/// <c>NegotiationGame:Dashboard:OperatorKey</c> sets. Without a key nothing of it is added: no profiling of grain calls,
/// no route, and <c>/dashboard</c> answers 404 like any unknown path.
/// </summary>
internal static class OperatorDashboard
{
    public const string KeySetting = "NegotiationGame:Dashboard:OperatorKey";
    public const string PathPrefix = "/dashboard";

    /// <summary>
    /// The dashboard's grain state view: it calls grain methods found by reflection (those named GetState, or returning
    /// the type of a persistent state). Our grains keep no persistent state, so it shows nothing today, and a method
    /// someone adds later must not become callable by whoever holds the key; it answers 404.
    /// </summary>
    private const string GrainStatePath = PathPrefix + "/GrainState";

    /// <summary>
    /// The site's policy but for styles: the dashboard's page and scripts set inline styles, which the site's own
    /// pages never need. It still runs only its own scripts and talks only to this server.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>With a key set, adds the dashboard to the silo; refuses start-up with a key too short to be a secret.</summary>
    public static void AddOperatorDashboard(this WebApplicationBuilder builder)
    {
        var key = builder.Configuration[KeySetting];
        if (string.IsNullOrEmpty(key))
        {
            return;
        }

        if (key.Length < DashboardGate.MinimumKeyLength)
        {
            throw new StartupRefusedException(
                $"{KeySetting} must be at least {DashboardGate.MinimumKeyLength} characters long (for example the output of: openssl rand -base64 32), or unset to turn the dashboard off.");
        }

        builder.Services.AddSingleton(new DashboardGate(key, PathPrefix));

        // The live log stream stays off: the server's log names addresses and games that an operator looking at load
        // has no need to read in a browser.
        builder.UseOrleans(silo => silo.AddDashboard(dashboard => dashboard.HideTrace = true));
    }

    /// <summary>With a key set, serves the dashboard behind the key, rate-limited per address and under its own policy.</summary>
    public static void MapOperatorDashboard(this WebApplication app)
    {
        if (app.Services.GetService<DashboardGate>() is not { } gate)
        {
            return;
        }

        app.Use((context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(PathPrefix))
            {
                return next(context);
            }

            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return gate.InvokeAsync(context, allowed =>
            {
                if (allowed.Request.Path.StartsWithSegments(GrainStatePath))
                {
                    allowed.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }

                return next(allowed);
            });
        });
        var dashboard = app.MapOrleansDashboard(PathPrefix).RequireRateLimiting(HttpRateLimits.Dashboard);

        // Every path under the prefix is an endpoint, so that the rate limit counts guesses at unknown paths too.
        dashboard.MapGet("/{**unknown}", () => Results.NotFound());
    }
}
