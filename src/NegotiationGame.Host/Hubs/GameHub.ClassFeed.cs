using NegotiationGame.Host.Hubs.Binding;
using NegotiationGame.Host.Hubs.Results;

namespace NegotiationGame.Host.Hubs;

/// <summary>The instructor's class page, pushed its changes (docs/protocol.md, "watchClass").</summary>
public sealed partial class GameHub
{
    /// <summary>
    /// Subscribes the connection to its class before reading it, so that a change made in between is both read and
    /// pushed rather than lost; answers like <c>getClass</c>.
    /// </summary>
    public async Task<HubResult> WatchClass(HubRequest<TokenRequest> argument)
    {
        var (grant, refusal) = await InstructorAsync(argument.Value.Token);
        if (grant is null)
        {
            return refusal!;
        }

        await classFeeds.WatchAsync(Context.ConnectionId, grant.ClassId, grant.InstructorGeneration);
        return await GetClass(argument);
    }
}
