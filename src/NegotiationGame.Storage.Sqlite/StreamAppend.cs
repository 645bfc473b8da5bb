namespace NegotiationGame.Storage.Sqlite;

/// <summary>Where an append of a stream (by the stream's key in the file) is in the appends table, and which entries it holds.</summary>
internal readonly record struct StreamAppend(long StreamKey, long FirstSequence, long LastSequence, long Position);
