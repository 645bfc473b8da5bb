namespace NegotiationGame.Tests;

/// <summary>
/// The real clock moved forward by <see cref="Shift"/>: a test jumps past a lifetime or a deadline instead of waiting
/// it out. Timers still run on real time. Compiled into each test project that needs it.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
}
