using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NegotiationGame.Host.Tests.Support;
using NegotiationGame.Tests;

namespace NegotiationGame.Host.Tests.Dashboard;

/// <summary>The Orleans dashboard behind the operator key: a browser shows the key once and holds a cookie; a script sends it as a bearer token.</summary>
public sealed class DashboardTests(DashboardServerFixture server) : IClassFixture<DashboardServerFixture>
{
    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/DashboardCounters")]
    [InlineData("/dashboard/index.min.js")]
    [InlineData("/dashboard/no-such-thing")]
    public async Task Without_the_key_every_dashboard_path_is_401(string path)
    {
        using var http = Client();

        using var none = await http.GetAsync(path);
        using var wrongInAddress = await http.GetAsync(path + "?key=not-the-operator-key-at-all");
        using var wrongBearer = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "not-the-operator-key-at-all") } };
        using var wrongBearerResponse = await http.SendAsync(wrongBearer);
        using var forgedCookie = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Cookie", "negotiationgame-dashboard=" + DashboardServerFixture.OperatorKey } } };
        using var forgedCookieResponse = await http.SendAsync(forgedCookie);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongInAddress.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongBearerResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forgedCookieResponse.StatusCode);
    }

    [Fact]
    public async Task The_key_in_the_address_becomes_an_http_only_strict_cookie_without_the_key_and_a_redirect_that_drops_it()
    {
        using var http = Client();

        using var swap = await http.GetAsync($"/dashboard/?view=grains&key={DashboardServerFixture.OperatorKey}");
        var cookie = Assert.Single(swap.Headers.GetValues("Set-Cookie"));
        var value = cookie.Split(';')[0];
        var attributes = cookie.Split(';').Skip(1).Select(attribute => attribute.Trim().ToLowerInvariant()).ToList();
        using var page = await GetWithCookieAsync(http, "/dashboard/", value);

        Assert.Equal(HttpStatusCode.SeeOther, swap.StatusCode);
        Assert.Equal("/dashboard/?view=grains", swap.Headers.Location?.OriginalString);
        Assert.StartsWith("negotiationgame-dashboard=", value, StringComparison.Ordinal);
        Assert.DoesNotContain(DashboardServerFixture.OperatorKey, cookie, StringComparison.Ordinal);
        Assert.Contains("path=/dashboard", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.DoesNotContain("secure", attributes); // plain HTTP here; over HTTPS the cookie is Secure
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Orleans Dashboard", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_key_as_bearer_token_the_silo_counters_show_this_silo_active()
    {
        using var http = Client();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DashboardServerFixture.OperatorKey);
        var silo = server.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString();

        // The dashboard gathers its counters once a second, so the first answer may come before this silo is in them.
        var statuses = new List<HttpStatusCode>();
        var counters = default(JsonElement);
        await Polling.UntilAsync(
            async () =>
            {
                using var response = await http.GetAsync("/dashboard/DashboardCounters");
                statuses.Add(response.StatusCode);
                counters = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                return counters.GetProperty("hosts").EnumerateArray().Any(host => host.GetProperty("siloAddress").GetString() == silo);
            },
            TimeSpan.FromSeconds(20),
            () => $"the dashboard's counters to list silo {silo} (last: {counters})");

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        var host = Assert.Single(counters.GetProperty("hosts").EnumerateArray(), host => host.GetProperty("siloAddress").GetString() == silo);
        Assert.Equal("Active", host.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_grain_state_view_which_calls_grain_methods_by_reflection_is_not_served()
    {
        using var http = Client();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DashboardServerFixture.OperatorKey);

        using var state = await http.GetAsync("/dashboard/GrainState?grainId=any&grainType=NegotiationGame.Grains.Classes.ClassSessionGrain");
        using var types = await http.GetAsync("/dashboard/GrainTypes");

        Assert.Equal(HttpStatusCode.NotFound, state.StatusCode);
        Assert.Equal(HttpStatusCode.OK, types.StatusCode);
    }

    [Fact]
    public async Task The_dashboard_has_its_own_policy_and_the_rest_of_the_site_keeps_the_strict_one()
    {
        using var http = Client();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DashboardServerFixture.OperatorKey);

        using var dashboard = await http.GetAsync("/dashboard/");
        using var site = await http.GetAsync("/");

        var dashboardPolicy = string.Join(";", dashboard.Headers.GetValues("Content-Security-Policy"));
        var sitePolicy = string.Join(";", site.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("style-src 'self' 'unsafe-inline'", dashboardPolicy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", dashboardPolicy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", dashboardPolicy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", sitePolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", sitePolicy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_the_browser_the_key_once_opens_the_dashboard_which_draws_the_cluster_within_its_policy()
    {
        var screenshot = RepositoryFiles.Path(Path.Combine("TestResults", "screenshots", "dashboard.png"));
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);

        var (exitCode, lines, errors) = await NodeScripts.RunAsync("dashboard.mjs", TimeSpan.FromSeconds(120), server.Address.ToString().TrimEnd('/'), DashboardServerFixture.OperatorKey, screenshot);

        Assert.True(exitCode == 0, $"node exited with {exitCode}:\n{string.Join('\n', lines)}\n{errors}");
        Assert.Equal("landed on /dashboard/", lines[0]);
        Assert.Contains("the page drew the cluster", lines);
        Assert.Contains("cookies: negotiationgame-dashboard path=/dashboard httpOnly=true sameSite=Strict", lines);
        Assert.Equal("ok", lines[^1]);
    }

    private HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.Address };

    private static async Task<HttpResponseMessage> GetWithCookieAsync(HttpClient http, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Cookie", cookie } } };
        return await http.SendAsync(request);
    }
}

/// <summary>With no operator key there is no dashboard at all.</summary>
public sealed class DashboardOffTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/DashboardCounters")]
    public async Task Without_an_operator_key_the_dashboard_is_404(string path)
    {
        using var http = new HttpClient { BaseAddress = server.Address };

        using var response = await http.GetAsync(path + "?key=anything-at-all-long-enough");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>Guessing the key is rate-limited per address like every other HTTP endpoint.</summary>
public sealed class DashboardRateLimitTests(LimitedDashboardServerFixture server) : IClassFixture<LimitedDashboardServerFixture>
{
    [Fact]
    public async Task Wrong_keys_past_the_burst_are_answered_429()
    {
        using var http = new HttpClient { BaseAddress = server.Address };

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= LimitedDashboardServerFixture.Burst; attempt++)
        {
            using var response = await http.GetAsync($"/dashboard/?key=guess-number-{attempt:D10}");
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses[..^1], status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
