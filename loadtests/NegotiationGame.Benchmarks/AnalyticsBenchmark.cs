using BenchmarkDotNet.Attributes;
using NegotiationGame.Domain.Analytics;
using NegotiationGame.Domain.Scenarios;
using NegotiationGame.Scenarios;

namespace NegotiationGame.Benchmarks;

/// <summary>Exact analytics of the bundled scenario's 737,280 outcomes: the whole analysis, and its two halves.</summary>
[MemoryDiagnoser]
public class AnalyticsBenchmark
{
    private Scenario _scenario = null!;

    [GlobalSetup]
    public void Setup() => _scenario = BundledScenarios.Load(BundledScenarios.Default);

    [Benchmark(Baseline = true)]
    public ScenarioAnalysis FullAnalysis() => ScenarioAnalysis.Analyze(_scenario);

    [Benchmark]
    public ParetoFrontier FrontierOnly() => ParetoFrontier.Build(_scenario);
}
