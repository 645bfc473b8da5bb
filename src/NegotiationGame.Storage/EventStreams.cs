namespace NegotiationGame.Storage;

/// <summary>Stream ids of the things the store keeps.</summary>
public static class EventStreams
{
    public const string GamePrefix = "game/";
    public const string ClassPrefix = "class/";

    public static string Game(string gameId) => GamePrefix + gameId;

    public static string Class(string classId) => ClassPrefix + classId;

    public static string GameIdOf(string streamId) =>
        streamId.StartsWith(GamePrefix, StringComparison.Ordinal) ? streamId[GamePrefix.Length..] : throw new ArgumentException($"'{streamId}' is not a game stream.", nameof(streamId));
}
