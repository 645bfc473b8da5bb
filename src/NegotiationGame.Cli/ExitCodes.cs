namespace NegotiationGame.Cli;

internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The input is invalid or missing; the output says why.</summary>
    public const int InvalidInput = 1;

    /// <summary>A database the command needs could not be reached or refused the work; the error says why.</summary>
    public const int Unavailable = 2;
}
