
namespace NegotiationGame.Storage.Tests;

/// <summary>Log entries for the SQLite store's tests, each with a fresh command id and data that names its sequence.</summary>
internal static class TestEntries
{
    public static LoggedEvent Entry(long sequence) =>
        new(sequence, new DateTimeOffset(2025, 2, 12, 10, 0, 0, TimeSpan.Zero).AddSeconds(sequence), Guid.NewGuid(), "Test", $"{{\"n\":{sequence}}}");
}
