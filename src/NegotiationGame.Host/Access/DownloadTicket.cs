namespace NegotiationGame.Host.Access;

/// <summary>
/// The right to download one file of one class: a game's log (<paramref name="GameId"/> set) or the class's summary.
/// <paramref name="InstructorGeneration"/> is that of the instructor token it was issued for, so a new instructor
/// link also ends the old one's tickets.
/// </summary>
public sealed record DownloadTicket(string ClassId, string? GameId, int InstructorGeneration);
