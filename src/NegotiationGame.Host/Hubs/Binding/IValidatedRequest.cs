namespace NegotiationGame.Host.Hubs.Binding;

/// <summary>A request whose shape JSON alone cannot check (null items in a list, a value that must be a UUID).</summary>
public interface IValidatedRequest
{
    /// <summary>What is wrong with the request, or null when it may go on.</summary>
    string? Problem();
}
