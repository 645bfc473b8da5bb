namespace NegotiationGame.Storage.Library;

/// <summary>One uploaded scenario as the library lists it.</summary>
/// <param name="ContentHash">SHA-256 of the file's UTF-8 text, 64 lower-case hex digits: the entry's key.</param>
/// <param name="ScenarioId">The <c>id</c> inside the file (not unique: two versions of a file may share it).</param>
/// <param name="Title">The file's <c>title</c>.</param>
/// <param name="UploadedBy">Who uploaded it first: the title of the class it was uploaded for, or "instructor".</param>
/// <param name="UploadedAt">When it was first uploaded.</param>
public sealed record LibraryEntry(string ContentHash, string ScenarioId, string Title, string UploadedBy, DateTimeOffset UploadedAt);
