namespace NegotiationGame.Cli;

internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The input is invalid or missing; the output says why.</summary>
    public const int InvalidInput = 1;
}
