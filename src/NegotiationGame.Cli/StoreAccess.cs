namespace NegotiationGame.Cli;

/// <summary>What a command needs of the store it opens through <see cref="StoreLocation"/>.</summary>
internal enum StoreAccess
{
    /// <summary>Only reads: the store must already exist, and a missing SQLite file is not created.</summary>
    Read,

    /// <summary>Adds to it: a SQLite file that does not exist yet is created.</summary>
    Write,
}
