namespace NegotiationGame.Contracts.Commands;

/// <summary>
/// Who chose a command's id: a client (every call through the hub) or the server itself (the class session opening its
/// games). The game logs the two under separate namespaces, so no id a client picks can stand for one the server made.
/// </summary>
[GenerateSerializer]
[Alias("ng.CommandOrigin")]
public enum CommandOrigin
{
    Client = 0,
    Server = 1,
}
