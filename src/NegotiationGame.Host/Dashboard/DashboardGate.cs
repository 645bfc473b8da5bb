using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace NegotiationGame.Host.Dashboard;

/// <summary>
/// Lets through to the dashboard only who shows the operator key: once in the address (<c>/dashboard/?key=…</c>), which
/// is swapped for a cookie and a redirect that drops the key from the address, or on every request as
/// <c>Authorization: Bearer …</c> (scripts). The cookie holds a value derived from the key, not the key, and lapses
/// when the key changes. Every comparison digests both sides first, so it takes the same time whatever was offered.
/// </summary>
internal sealed class DashboardGate
{
    public const string CookieName = "negotiationgame-dashboard";
    public const string KeyParameter = "key";

    /// <summary>Long enough that guessing is hopeless even without the rate limit.</summary>
    public const int MinimumKeyLength = 16;

    private static readonly TimeSpan CookieLifetime = TimeSpan.FromHours(12);

    private readonly string _pathPrefix;
    private readonly byte[] _keyDigest;
    private readonly string _cookieValue;
    private readonly byte[] _cookieDigest;

    public DashboardGate(string operatorKey, string pathPrefix)
    {
        _pathPrefix = pathPrefix;
        _keyDigest = Digest(operatorKey);
        _cookieValue = Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(operatorKey), "NegotiationGame dashboard cookie"u8));
        _cookieDigest = Digest(_cookieValue);
    }

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (request.Query.TryGetValue(KeyParameter, out var offered))
        {
            return Matches(offered, _keyDigest) ? SwapKeyForCookieAsync(context) : RefuseAsync(context);
        }

        return ShowsBearerKey(request) || Matches(request.Cookies[CookieName], _cookieDigest) ? next(context) : RefuseAsync(context);
    }

    private Task SwapKeyForCookieAsync(HttpContext context)
    {
        var request = context.Request;
        context.Response.Cookies.Append(CookieName, _cookieValue, new CookieOptions
        {
            Path = _pathPrefix,
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = request.IsHttps,
            IsEssential = true,
            MaxAge = CookieLifetime,
        });
        var rest = QueryString.Create(request.Query.Where(parameter => !string.Equals(parameter.Key, KeyParameter, StringComparison.OrdinalIgnoreCase)));
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = $"{request.PathBase}{request.Path}{rest}";
        return Task.CompletedTask;
    }

    private bool ShowsBearerKey(HttpRequest request)
    {
        const string scheme = "Bearer ";
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && Matches(header[scheme.Length..].Trim(), _keyDigest);
    }

    private static Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("The dashboard needs the operator key: open /dashboard/?key=<the key> once, or send Authorization: Bearer <the key>.\n");
    }

    private static bool Matches(StringValues offered, byte[] expectedDigest) =>
        offered.Count == 1 && offered[0] is { Length: > 0 } value && CryptographicOperations.FixedTimeEquals(Digest(value), expectedDigest);

    private static byte[] Digest(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
