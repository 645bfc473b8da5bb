using BenchmarkDotNet.Attributes;
using NegotiationGame.Domain.Analytics;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Benchmarks;

/// <summary>Exact analytics of seeded synthetic scenarios with four parties and 1 to 16.8 million outcomes.</summary>
[MemoryDiagnoser]
public class LargeSpaceAnalyticsBenchmark
{
    private Scenario _scenario = null!;

    /// <summary>Issues of four options each: 10 → 1,048,576 outcomes, 12 → 16,777,216.</summary>
    [Params(10, 12)]
    public int Issues { get; set; }

    [GlobalSetup]
    public void Setup() => _scenario = SyntheticScenario.Create(parties: 4, issues: Issues, options: 4, seed: 7);

    [Benchmark]
    public ScenarioAnalysis FullAnalysis() => ScenarioAnalysis.Analyze(_scenario);

    [Benchmark]
    public ParetoFrontier FrontierOnly() => ParetoFrontier.Build(_scenario);
}
