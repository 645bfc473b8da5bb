using Microsoft.Extensions.DependencyInjection;
using NegotiationGame.Host.Tests.Support;
using NegotiationGame.Storage;

namespace NegotiationGame.Host.Tests;

/// <summary>The server with its event store behind a <see cref="RivalWriterStore"/>, so that a test can make one command lose its game's log to another node.</summary>
public sealed class RivalWriterServerFixture : ServerFixture
{
    private RivalWriterStore? _rival;

    /// <summary>Makes the next append to the game's log lose its race, as if another node had written first.</summary>
    public void LoseNextAppend(string gameId) =>
        (_rival ?? throw new InvalidOperationException("The server has not built its event store yet.")).LoseNextAppendTo(EventStreams.Game(gameId));

    protected override void ConfigureServices(IServiceCollection services)
    {
        var original = services.Last(service => service.ServiceType == typeof(IEventStore));
        services.Remove(original);
        services.AddSingleton<IEventStore>(provider => _rival = new RivalWriterStore(
            original.ImplementationInstance as IEventStore ?? (IEventStore)original.ImplementationFactory!(provider)));
    }
}
