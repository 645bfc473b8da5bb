namespace NegotiationGame.Host;

/// <summary>
/// The nodes a browser may reconnect to (<see cref="HostSettings.NodeUrls"/>), served at <c>/api/nodes</c> so that the
/// web UI moves to another node by itself when its own dies. The list says only where the nodes are, nothing secret.
/// </summary>
internal static class NodeList
{
    /// <summary>The configured node addresses; a setting that is not an absolute http(s) address stops the start with its value.</summary>
    public static IReadOnlyList<Uri> From(HostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return [.. settings.NodeUrls.Select(url =>
            Uri.TryCreate(url, UriKind.Absolute, out var node) && (node.Scheme == Uri.UriSchemeHttp || node.Scheme == Uri.UriSchemeHttps)
                ? node
                : throw new InvalidOperationException($"NegotiationGame:NodeUrls holds '{url}', which is not an absolute http or https address."))];
    }

    public static IEndpointRouteBuilder MapNodeList(this IEndpointRouteBuilder endpoints, IReadOnlyList<Uri> nodes)
    {
        var body = new { nodes = nodes.Select(node => node.GetLeftPart(UriPartial.Path).TrimEnd('/')).ToArray() };
        endpoints.MapGet("/api/nodes", () => Results.Ok(body));
        return endpoints;
    }
}
