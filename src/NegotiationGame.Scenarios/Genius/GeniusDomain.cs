using System.Collections.Immutable;

namespace NegotiationGame.Scenarios.Genius;

/// <summary>A GENIUS domain as read: its discrete issues in file order, each with its items' values in order.</summary>
internal sealed record GeniusDomain(ImmutableArray<GeniusIssue> Issues);

internal sealed record GeniusIssue(string Name, ImmutableArray<string> Items);
