using Microsoft.AspNetCore.SignalR;
using NegotiationGame.Contracts;
using NegotiationGame.Host.Hubs.Binding;
using NegotiationGame.Host.Hubs.Results;

namespace NegotiationGame.Host.Hubs;

/// <summary>
/// The one place where a call that cannot be served becomes a typed refusal: an argument that did not bind is
/// <c>InvalidRequest</c> (the method never runs), and an exception the method did not expect is logged and answered
/// as <c>ServerError</c> instead of SignalR's untyped error. A call that lost a race for a game's or class's log to
/// another node is <c>Conflict</c>: expected in a cluster during a membership change, and answered by sending it again. A
/// refusal changes nothing.
/// </summary>
public sealed partial class HubErrorFilter(ILogger<HubErrorFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        foreach (var argument in invocationContext.HubMethodArguments)
        {
            if (argument is IHubRequest { BindingError: { } problem })
            {
                return HubResults.Invalid(problem);
            }
        }

        try
        {
            return await next(invocationContext);
        }
        catch (LogConflictException conflict)
        {
            LogConflict(logger, invocationContext.HubMethodName, conflict.StreamId);
            return HubResults.Failure(HubErrorCodes.Conflict, "Another node wrote to this game or class at the same moment; send the same call again (a command with the same commandId): it counts once.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !invocationContext.Context.ConnectionAborted.IsCancellationRequested)
        {
            LogFailed(logger, invocationContext.HubMethodName, exception);
            return HubResults.Failure(HubErrorCodes.ServerError, "The server could not complete this request. Try again: a command sent again with the same commandId counts once.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub method {Method} lost a race for the log {StreamId} to another node; the caller is told to send it again")]
    private static partial void LogConflict(ILogger logger, string method, string streamId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed")]
    private static partial void LogFailed(ILogger logger, string method, Exception exception);
}
