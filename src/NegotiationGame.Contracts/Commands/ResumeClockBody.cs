namespace NegotiationGame.Contracts.Commands;

/// <summary>Instructor: restarts the clock with the time that was left.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.ResumeClockBody")]
public sealed record ResumeClockBody : CommandBody;
