using NegotiationGame.Host.Hubs.Binding;

namespace NegotiationGame.Host.Hubs;

/// <summary>
/// <c>instructClass</c>: one instructor command for every game of the class; <paramref name="CommandId"/> (the
/// client's) makes a retry count once in each game.
/// </summary>
public sealed record InstructClassRequest(Guid CommandId, InstructorCommand Command, string? Token = null) : IValidatedRequest
{
    public string? Problem() => CommandId == Guid.Empty ? "commandId must be a GUID other than all zeros." : null;
}
