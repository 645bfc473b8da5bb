namespace NegotiationGame.Host.Tests;

/// <summary>The real clock moved forward by <see cref="Shift"/>: a test jumps past a lifetime instead of waiting it out.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
}
