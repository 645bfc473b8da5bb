namespace NegotiationGame.Contracts.Commands;

public static class Actors
{
    /// <summary>The actor of instructor commands (clock, phases, ending the game).</summary>
    public const string Instructor = "instructor";
}
