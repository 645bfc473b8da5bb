using NegotiationGame.Domain.Analytics;
using NegotiationGame.Domain.Tests.Support;
using static NegotiationGame.Domain.Tests.Support.TestScenarios;

namespace NegotiationGame.Domain.Tests.Analytics;

public sealed class ParetoFrontierTests
{
    [Fact]
    public void The_mini_scenario_maximises_welfare_where_worked_out_by_hand()
    {
        var analysis = ScenarioAnalysis.Analyze(MiniTalks());

        // Max welfare: Donetsk frozen, European force, sanctions kept: 79 + 44 + 62 + 76 = 261 points.
        Assert.Equal(Package((Donetsk, Frozen), (Security, EuropeanForce), (Sanctions, Kept)), analysis.MaxWelfare.Package);
        Assert.Equal([7900, 4400, 6200, 7600], analysis.MaxWelfare.Utilities.ToArray());
        Assert.True(analysis.Assess(analysis.MaxWelfare.Package).IsParetoOptimal);
        Assert.Equal(18, analysis.OutcomeCount);
    }
}
