namespace NegotiationGame.Contracts.Commands;

/// <summary>
/// What a command asks for, in the words of the outside world: parties, issues and options by id. The game grain
/// translates it for the core and refuses ids the scenario does not know.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.CommandBody")]
public abstract record CommandBody;
