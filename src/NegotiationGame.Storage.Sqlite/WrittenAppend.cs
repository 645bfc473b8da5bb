namespace NegotiationGame.Storage.Sqlite;

/// <summary>An append a commit wrote: its stream and where it is.</summary>
internal readonly record struct WrittenAppend(string StreamId, StreamAppend Row);
