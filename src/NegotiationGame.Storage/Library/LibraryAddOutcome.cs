namespace NegotiationGame.Storage.Library;

/// <summary>What adding a scenario did: <see cref="Entry"/> is the entry now stored under its hash (null when refused).</summary>
public sealed record LibraryAddOutcome(LibraryAddResult Result, LibraryEntry? Entry);
