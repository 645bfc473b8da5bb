using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NegotiationGame.Host.Relay;

namespace NegotiationGame.Host.Tests;

/// <summary>
/// The server with the fan-out on a clock the test moves (spectator delays, count coalescing, renewals) and small
/// watch pages, so that every catch-up of these tests pages. The game clock stays real: events carry real times,
/// and this clock starts at the real time the fixture is made and only moves when a test advances it.
/// </summary>
public sealed class ManualClockServerFixture : ServerFixture
{
    public const int PageSize = 4;

    public FakeTimeProvider FanoutClock { get; } = new(DateTimeOffset.UtcNow);

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        [$"{FanoutSettings.Section}:{nameof(FanoutSettings.WatchPageSize)}"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddKeyedSingleton<TimeProvider>(FanoutSettings.ClockKey, FanoutClock);
}
