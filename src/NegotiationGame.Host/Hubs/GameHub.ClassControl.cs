using NegotiationGame.Contracts.Classes;
using NegotiationGame.Host.Hubs.Binding;
using NegotiationGame.Host.Hubs.Results;

namespace NegotiationGame.Host.Hubs;

/// <summary>The instructor's class-wide controls (docs/protocol.md, "instructClass").</summary>
public sealed partial class GameHub
{
    public async Task<HubResult> InstructClass(HubRequest<InstructClassRequest> argument)
    {
        var request = argument.Value;
        var (grant, refusal) = await InstructorAsync(request.Token);
        if (grant is null)
        {
            return refusal!;
        }

        var outcome = await grains.GetGrain<IClassSessionGrain>(grant.ClassId).InstructAll(request.CommandId, request.Command.ToBody());
        return outcome.ErrorCode is { } code ? HubResults.Failure(code, outcome.ErrorMessage ?? "The class refused the command.") : ClassCommandResult.Of(outcome);
    }
}
