using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.SignalR;
using NegotiationGame.Host.Hubs.Binding;
using NegotiationGame.Host.Hubs.Results;
using NegotiationGame.Storage.Telemetry;

namespace NegotiationGame.Host.Hubs;

/// <summary>
/// Counts and times the game's commands (<c>act</c> and <c>instruct</c>) from the hub call to the answer, by what they
/// were and how they ended: <c>ok</c> or the error code the client got. As the outermost filter it also sees a call
/// the limits or the binding refused. Other methods pass straight through, and so does everything while nobody listens.
/// </summary>
public sealed class CommandMetricsFilter : IHubFilter
{
    private const string CommandTag = "command";
    private const string ResultTag = "result";
    private const string Accepted = "ok";

    /// <summary>The kind of a command whose request did not bind, so that its kind is unknown.</summary>
    private const string Unbound = "invalid";

    private static readonly Counter<long> Commands = ProductTelemetry.Meter.CreateCounter<long>(
        "negotiationgame.commands", "{command}", "Commands sent to games (act and instruct), by kind and result");

    private static readonly Histogram<double> Duration = ProductTelemetry.CreateSecondsHistogram(
        "negotiationgame.command.duration", "From the hub call of a command to its answer");

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        if (!Commands.Enabled && !Duration.Enabled)
        {
            return next(invocationContext);
        }

        return KindOf(invocationContext) is { } kind ? MeasureAsync(invocationContext, next, kind) : next(invocationContext);
    }

    private static async ValueTask<object?> MeasureAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next, string kind)
    {
        var started = Stopwatch.GetTimestamp();
        object? answer = null;
        try
        {
            answer = await next(invocationContext);
            return answer;
        }
        finally
        {
            var command = new KeyValuePair<string, object?>(CommandTag, kind);
            var result = answer switch
            {
                HubFailure failure => failure.Error.Code,
                null => HubErrorCodes.ServerError,
                _ => Accepted,
            };
            Commands.Add(1, command, new KeyValuePair<string, object?>(ResultTag, result));
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, command);
        }
    }

    /// <summary>The command's kind as the protocol names it, or null for a method that sends no command.</summary>
    private static string? KindOf(HubInvocationContext invocationContext) =>
        invocationContext.HubMethodName switch
        {
            nameof(GameHub.Act) => invocationContext.HubMethodArguments[0] is HubRequest<ActRequest> { BindingError: null } act ? CommandKinds.Of(act.Value.Command) : Unbound,
            nameof(GameHub.Instruct) => invocationContext.HubMethodArguments[0] is HubRequest<InstructRequest> { BindingError: null } instruct ? CommandKinds.Of(instruct.Value.Command) : Unbound,
            nameof(GameHub.InstructClass) => invocationContext.HubMethodArguments[0] is HubRequest<InstructClassRequest> { BindingError: null } instruct ? CommandKinds.Of(instruct.Value.Command) : Unbound,
            _ => null,
        };
}
