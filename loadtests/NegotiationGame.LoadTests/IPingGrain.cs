namespace NegotiationGame.LoadTests;

/// <summary>An empty grain call: the Orleans baseline that game throughput is measured against.</summary>
[Alias("ng.IPingGrain")]
public interface IPingGrain : IGrainWithStringKey
{
    [Alias("Ping")]
    Task<int> Ping(int value);
}
