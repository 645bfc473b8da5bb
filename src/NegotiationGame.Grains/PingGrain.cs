using NegotiationGame.Contracts.Games;

namespace NegotiationGame.Grains;

/// <summary>Returns what it is given: the cost of a bare grain call, for benchmarks.</summary>
public sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value);
}
