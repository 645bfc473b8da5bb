using Microsoft.AspNetCore.SignalR;
using NegotiationGame.Host.Hubs;
using NegotiationGame.Host.Hubs.Binding;
using NegotiationGame.Host.Hubs.Results;

namespace NegotiationGame.Host.Limits;

/// <summary>
/// Charges every hub call to its connection and address before anything else runs (a refused call costs the server
/// one bucket look-up), answers <c>RateLimited</c> with the wait, and counts joins with a wrong code so that
/// guessing codes slows to a crawl and shows in the log.
/// </summary>
public sealed partial class RateLimitFilter(CallLimiter limiter, ILogger<RateLimitFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var method = invocationContext.HubMethodName;
        var address = ClientAddress.Of(invocationContext.Context.GetHttpContext());
        var classId = ClassIdOf(invocationContext.HubMethodArguments);
        var uploads = invocationContext.HubMethodArguments is [HubRequest<CreateClassRequest> { BindingError: null } create] && create.Value.ScenarioJson is not null;
        if (limiter.TryCall(method, invocationContext.Context.ConnectionId, address, classId, uploads) is { } wait)
        {
            return HubResults.RateLimited(wait);
        }

        var result = await next(invocationContext);
        if (classId is not null && result is HubFailure { Error.Code: HubErrorCodes.UnknownCode or HubErrorCodes.UnknownSeat })
        {
            var exhausted = limiter.RecordFailedJoin(address);
            LogFailedJoin(logger, address, classId, exhausted);
        }

        return result;
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        limiter.Forget(context.Context.ConnectionId);
        return next(context, exception);
    }

    /// <summary>The class a tokenless call names (a join, a rejoin, a seat request): these are the calls a guesser makes.</summary>
    private static string? ClassIdOf(IReadOnlyList<object?> arguments) => arguments switch
    {
        [HubRequest<JoinClassRequest> { BindingError: null } join] => join.Value.ClassId,
        [HubRequest<RejoinClassRequest> { BindingError: null } rejoin] => rejoin.Value.ClassId,
        [HubRequest<AskForSeatRequest> { BindingError: null } ask] => ask.Value.ClassId,
        [HubRequest<CollectSeatRequest> { BindingError: null } collect] => collect.Value.ClassId,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Join with a wrong code or seat secret from {Address} for class {ClassId} (further joins from there slowed: {Slowed})")]
    private static partial void LogFailedJoin(ILogger logger, string address, string? classId, bool slowed);
}
