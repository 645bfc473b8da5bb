using NegotiationGame.Domain.Evaluation;
using NegotiationGame.Domain.Outcomes;
using static NegotiationGame.Domain.Tests.Support.TestScenarios;

namespace NegotiationGame.Domain.Tests.Evaluation;

public sealed class OfferEvaluatorTests
{
    [Fact]
    public void A_partial_package_counts_open_issues_at_their_no_deal_option()
    {
        Span<int> utilities = stackalloc int[4];

        var evaluation = OfferEvaluator.Evaluate(MiniTalks(), Package((Security, UsTroops)), utilities);

        // Donetsk stays frozen and sanctions kept: the US gets 20×100 + 50×0 + 30×30.
        Assert.True(evaluation.IsValid);
        Assert.Equal([2900, 4200, 7000, 8500], utilities.ToArray());
        Assert.Equal(Parties(Ukraine, Us), evaluation.RequiredSignatories);
        Assert.Equal(Parties(Us), evaluation.RedLinesCrossedBy);
    }

    [Fact]
    public void Required_signatories_are_the_union_over_the_package()
    {
        var evaluation = OfferEvaluator.Validate(MiniTalks(), Package((Donetsk, Returned), (Sanctions, Lifted)));

        Assert.Equal(Parties(Ukraine, Russia, Us, Eu), evaluation.RequiredSignatories);
    }

    [Theory]
    [InlineData(0, 0, PackageProblem.Empty)]
    [InlineData(5, 0, PackageProblem.UnknownIssue)]
    [InlineData(Sanctions, 2, PackageProblem.UnknownOption)]
    public void Invalid_packages_are_named_with_their_problem(int issue, int option, PackageProblem problem)
    {
        var package = problem == PackageProblem.Empty ? Outcomes.Package.Empty : Package((issue, option));
        Span<int> utilities = stackalloc int[4];

        Assert.Equal(problem, OfferEvaluator.Evaluate(MiniTalks(), package, utilities).Problem);
    }

    [Fact]
    public void Evaluation_allocates_nothing()
    {
        var scenario = MiniTalks();
        var package = Package((Donetsk, Frozen), (Security, EuropeanForce), (Sanctions, Kept));
        Span<int> utilities = stackalloc int[4];
        OfferEvaluator.Evaluate(scenario, package, utilities);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            OfferEvaluator.Evaluate(scenario, package, utilities);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
