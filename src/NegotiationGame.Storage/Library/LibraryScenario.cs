namespace NegotiationGame.Storage.Library;

/// <summary>An entry of the library with the file's text.</summary>
public sealed record LibraryScenario(LibraryEntry Entry, string Json);
