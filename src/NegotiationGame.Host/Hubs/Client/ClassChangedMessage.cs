using NegotiationGame.Contracts.Classes;

namespace NegotiationGame.Host.Hubs.Client;

/// <summary>The class as it stands after a change, for the instructor connections that watch it (<c>watchClass</c>).</summary>
public sealed record ClassChangedMessage(string ClassId, ClassSummary Class);
