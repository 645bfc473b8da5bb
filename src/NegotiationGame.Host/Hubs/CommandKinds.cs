using NegotiationGame.Host.Hubs.Binding;

namespace NegotiationGame.Host.Hubs;

/// <summary>A command's kind as the protocol's <c>type</c> names it: a metric tag from a closed set, never from input.</summary>
internal static class CommandKinds
{
    public static string Of(PartyCommand command) => command switch
    {
        PartyCommand.Table => "table",
        PartyCommand.Accept => "accept",
        PartyCommand.Reject => "reject",
        PartyCommand.Withdraw => "withdraw",
        PartyCommand.Counter => "counter",
        PartyCommand.Sign => "sign",
        PartyCommand.WalkAway => "walkAway",
        PartyCommand.Statement => "statement",
        PartyCommand.Message => "message",
        _ => "other",
    };

    public static string Of(InstructorCommand command) => command switch
    {
        InstructorCommand.StartBriefing => "startBriefing",
        InstructorCommand.StartNegotiation => "startNegotiation",
        InstructorCommand.ProcessNow => "processNow",
        InstructorCommand.PauseClock => "pause",
        InstructorCommand.ResumeClock => "resume",
        InstructorCommand.Extend => "extend",
        InstructorCommand.News => "news",
        InstructorCommand.ScheduleNews => "scheduleNews",
        InstructorCommand.CancelScheduledNews => "cancelScheduledNews",
        InstructorCommand.EndGame => "end",
        _ => "other",
    };
}
