namespace NegotiationGame.Domain.Negotiation;

/// <summary>
/// Time arithmetic that stops at the ends of the range instead of throwing, so that folding a log which holds an
/// absurd duration (written before durations were bounded) gives a far deadline rather than an exception.
/// </summary>
internal static class SaturatingTime
{
    /// <summary><paramref name="time"/> + <paramref name="span"/>, in UTC, held within the range of <see cref="DateTimeOffset"/>.</summary>
    public static DateTimeOffset Add(DateTimeOffset time, TimeSpan span)
    {
        var ticks = time.UtcTicks;
        var sum = span >= TimeSpan.Zero
            ? (span.Ticks > DateTimeOffset.MaxValue.UtcTicks - ticks ? DateTimeOffset.MaxValue.UtcTicks : ticks + span.Ticks)
            : (span.Ticks < DateTimeOffset.MinValue.UtcTicks - ticks ? DateTimeOffset.MinValue.UtcTicks : ticks + span.Ticks);
        return new DateTimeOffset(sum, TimeSpan.Zero);
    }

    public static TimeSpan Add(TimeSpan a, TimeSpan b)
    {
        var sum = unchecked(a.Ticks + b.Ticks);

        // Two spans of one sign whose sum has the other sign have overflowed.
        return (a.Ticks ^ sum) < 0 && (b.Ticks ^ sum) < 0
            ? (a >= TimeSpan.Zero ? TimeSpan.MaxValue : TimeSpan.MinValue)
            : TimeSpan.FromTicks(sum);
    }
}
