namespace NegotiationGame.Contracts.Commands;

/// <summary>A public statement to everyone in the game.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.MakeStatementBody")]
public sealed record MakeStatementBody(
    [property: Id(0)] string Text) : CommandBody;
