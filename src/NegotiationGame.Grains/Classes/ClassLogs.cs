using NegotiationGame.Contracts.Classes;
using NegotiationGame.Storage;

namespace NegotiationGame.Grains.Classes;

/// <summary>A class's stream read without its grain, as the command line reads a store that no silo serves.</summary>
public static class ClassLogs
{
    /// <summary>The class as its stream <c>class/{classId}</c> tells it: what <see cref="IClassSessionGrain.GetSummary"/> answers.</summary>
    public static ClassSummary Summarize(string classId, IReadOnlyList<LoggedEvent> log) =>
        ClassState.Replay(classId, log).ToSummary();
}
