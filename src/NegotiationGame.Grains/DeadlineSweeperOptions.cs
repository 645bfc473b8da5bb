namespace NegotiationGame.Grains;

/// <summary>How often each silo reads the deadline schedule; a deadline missed while no silo held its game fires within this.</summary>
public sealed record DeadlineSweeperOptions(TimeSpan Interval)
{
    public static DeadlineSweeperOptions Default { get; } = new(TimeSpan.FromSeconds(5));
}
