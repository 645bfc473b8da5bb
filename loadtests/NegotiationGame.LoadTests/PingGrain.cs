namespace NegotiationGame.LoadTests;

/// <summary>Returns what it is given: the cost of a bare grain call, for the throughput baseline.</summary>
public sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value);
}
