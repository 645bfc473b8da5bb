using System.Collections.Immutable;

namespace NegotiationGame.Contracts.Commands;

/// <summary>A private message to a channel of parties (the sender is always in it).</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.SendMessageBody")]
public sealed record SendMessageBody(
    [property: Id(0)] ImmutableArray<string> Channel,
    [property: Id(1)] string Text) : CommandBody;
