namespace NegotiationGame.Storage.Sqlite;

/// <summary>What the writer knows of a stream: its key in the file (0 before its first append) and its last sequence number.</summary>
internal readonly record struct StreamTail(long Key, long LastSequence);
