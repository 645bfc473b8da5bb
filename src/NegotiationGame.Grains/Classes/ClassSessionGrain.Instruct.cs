using NegotiationGame.Contracts.Classes;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.Contracts.Games;

namespace NegotiationGame.Grains.Classes;

/// <summary>The instructor's class-wide commands: one command fanned out to every game, each game deciding it by its own rules.</summary>
public sealed partial class ClassSessionGrain
{
    public const string ClassNotStarted = "ClassNotStarted";
    public const string NotClassWide = "NotClassWide";

    public async Task<ClassCommandOutcome> InstructAll(Guid commandId, CommandBody command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var state = RequireState();
        if (state.Bots is null)
        {
            return ClassCommandOutcome.Refused(ClassNotStarted, "The games open when the class starts; start the class first.");
        }

        // Ending a game (process now in the last round, end) is decided game by game, where the instructor sees what it ends.
        if (command is not (PauseClockBody or ResumeClockBody or ExtendDeadlineBody or InjectNewsBody or ScheduleNewsBody or CancelScheduledNewsBody or StartNegotiationBody))
        {
            return ClassCommandOutcome.Refused(NotClassWide, "Only pause, resume, extend, news (now or scheduled) and startNegotiation go to every game at once.");
        }

        var outcomes = await Task.WhenAll(state.GameIds.Select(async gameId =>
        {
            var request = new GameCommandRequest(FannedOutCommandId(commandId, gameId), Actors.Instructor, command, CommandOrigin.Server);
            return new GameCommandOutcome(gameId, await GrainFactory.GetGrain<IGameGrain>(gameId).Execute(request));
        }));
        return new ClassCommandOutcome([.. outcomes]);
    }

    /// <summary>The id one game knows the class-wide command by: the same for a call sent again, different in every game and class.</summary>
    private Guid FannedOutCommandId(Guid commandId, string gameId) => ServerCommandId($"{ClassId}/{gameId}/instruct/{commandId:N}");
}
