using BenchmarkDotNet.Attributes;
using NegotiationGame.Domain.Analytics;
using NegotiationGame.Domain.Evaluation;
using NegotiationGame.Domain.Outcomes;
using NegotiationGame.Domain.Scenarios;
using NegotiationGame.Scenarios;

namespace NegotiationGame.Benchmarks;

/// <summary>
/// The core's hot path: validate a package, compute every party's utility and the required signatories.
/// Packages rotate through a seeded random set of full and partial offers so that nothing is constant-folded.
/// </summary>
[MemoryDiagnoser]
public class OfferEvaluationBenchmark
{
    private const int PackageCount = 1024;

    private readonly int[] _utilities = new int[4];
    private Scenario _scenario = null!;
    private Package[] _packages = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = BundledScenarios.Load(BundledScenarios.Default);
        var space = new OutcomeSpace(_scenario);
        var random = new Random(20250212);
        _packages = new Package[PackageCount];
        for (var i = 0; i < PackageCount; i++)
        {
            var full = space.ToPackage(random.NextInt64(space.Count));
            var mask = i % 2 == 0 ? (1 << _scenario.Issues.Length) - 1 : random.Next(1, 1 << _scenario.Issues.Length);
            _packages[i] = new Package(full.OptionBits, (ushort)mask);
        }
    }

    [Benchmark(OperationsPerInvoke = PackageCount)]
    public int Evaluate()
    {
        var checksum = 0;
        var utilities = _utilities.AsSpan();
        foreach (var package in _packages)
        {
            var evaluation = OfferEvaluator.Evaluate(_scenario, package, utilities);
            checksum += utilities[0] + evaluation.RequiredSignatories.Bits;
        }

        return checksum;
    }
}
