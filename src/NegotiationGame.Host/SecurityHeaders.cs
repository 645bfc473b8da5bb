namespace NegotiationGame.Host;

/// <summary>
/// Headers on every response that keep the UI from being framed, sniffed or made to run anything but its own
/// scripts: the page loads only its own files, connects only back to this server (and the other nodes of its
/// cluster, where NegotiationGame:NodeUrls lists them), and sends no referrer (tokens
/// travel in the URL fragment, which is never sent, but join links are still nobody else's business).
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>The policy, letting the page connect to this server and to <paramref name="otherNodes"/> (origins, over HTTP and WebSockets).</summary>
    public static string ContentSecurityPolicy(IEnumerable<Uri> otherNodes)
    {
        var connect = string.Concat(otherNodes.SelectMany(WebSocketAndHttpOrigins).Distinct(StringComparer.Ordinal).Select(origin => " " + origin));
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'" + connect + "; " +
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IEnumerable<Uri> otherNodes)
    {
        var policy = ContentSecurityPolicy(otherNodes);
        return app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
    }

    private static IEnumerable<string> WebSocketAndHttpOrigins(Uri node)
    {
        var origin = node.GetLeftPart(UriPartial.Authority);
        yield return origin;
        yield return (node.Scheme == Uri.UriSchemeHttps ? "wss" : "ws") + origin[node.Scheme.Length..];
    }
}
