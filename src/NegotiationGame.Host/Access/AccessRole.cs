namespace NegotiationGame.Host.Access;

public enum AccessRole
{
    Instructor,
    Player,
    Spectator,
}
