namespace NegotiationGame.Domain.Bots;

/// <summary>
/// What a bot may do on a turn. The game gives each bot an <see cref="Opening"/> turn when a round starts (answer,
/// sign, and table a new offer if it has none open) and <see cref="Answer"/> turns after other moves.
/// </summary>
public enum BotTurn
{
    Opening,
    Answer,
}
