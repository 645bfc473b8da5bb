namespace NegotiationGame.Host;

/// <summary>
/// The server cannot start as configured; the message is the one line the operator sees on stderr, saying what is
/// wrong and what to do about it. The process then exits with status 1.
/// </summary>
public sealed class StartupRefusedException : Exception
{
    public StartupRefusedException()
    {
    }

    public StartupRefusedException(string message)
        : base(message)
    {
    }

    public StartupRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
