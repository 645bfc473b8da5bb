namespace NegotiationGame.Grains;

/// <summary>
/// The key under which the grains and the deadline sweeper find their clock. It is kept apart from the silo's own
/// <see cref="TimeProvider"/> because Orleans reads that one too (message expiry, membership, grain timers): a test
/// that moves the games' time must not move the runtime's, or the silos drop the calls of a client on the real clock.
/// Unless a clock is registered under this key, the games read the host's <see cref="TimeProvider"/>.
/// </summary>
public static class GameClock
{
    public const string Key = "NegotiationGame.GameClock";
}
