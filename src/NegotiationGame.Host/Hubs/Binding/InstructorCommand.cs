using System.Text.Json.Serialization;
using NegotiationGame.Contracts.Commands;

namespace NegotiationGame.Host.Hubs.Binding;

/// <summary>The <c>command</c> of <c>instruct</c>, one JSON object whose <c>type</c> says which (docs/protocol.md).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(StartBriefing), "startBriefing")]
[JsonDerivedType(typeof(StartNegotiation), "startNegotiation")]
[JsonDerivedType(typeof(ProcessNow), "processNow")]
[JsonDerivedType(typeof(PauseClock), "pause")]
[JsonDerivedType(typeof(ResumeClock), "resume")]
[JsonDerivedType(typeof(Extend), "extend")]
[JsonDerivedType(typeof(News), "news")]
[JsonDerivedType(typeof(ScheduleNews), "scheduleNews")]
[JsonDerivedType(typeof(CancelScheduledNews), "cancelScheduledNews")]
[JsonDerivedType(typeof(EndGame), "end")]
public abstract record InstructorCommand
{
    public abstract CommandBody ToBody();

    public sealed record StartBriefing(bool Untimed = false) : InstructorCommand
    {
        public override CommandBody ToBody() => new StartBriefingBody(Untimed);
    }

    public sealed record StartNegotiation : InstructorCommand
    {
        public override CommandBody ToBody() => new StartNegotiationBody();
    }

    public sealed record ProcessNow : InstructorCommand
    {
        public override CommandBody ToBody() => new ProcessNowBody();
    }

    public sealed record PauseClock : InstructorCommand
    {
        public override CommandBody ToBody() => new PauseClockBody();
    }

    public sealed record ResumeClock : InstructorCommand
    {
        public override CommandBody ToBody() => new ResumeClockBody();
    }

    public sealed record Extend(int Seconds) : InstructorCommand
    {
        public override CommandBody ToBody() => new ExtendDeadlineBody(Seconds);
    }

    public sealed record News(string Headline, string Body = "") : InstructorCommand
    {
        public override CommandBody ToBody() => new InjectNewsBody(Headline, Body);
    }

    public sealed record ScheduleNews(int Round, string Headline, string Body = "") : InstructorCommand
    {
        public override CommandBody ToBody() => new ScheduleNewsBody(Round, Headline, Body);
    }

    public sealed record CancelScheduledNews(int Round, string Headline) : InstructorCommand
    {
        public override CommandBody ToBody() => new CancelScheduledNewsBody(Round, Headline);
    }

    public sealed record EndGame : InstructorCommand
    {
        public override CommandBody ToBody() => new EndGameBody();
    }
}
