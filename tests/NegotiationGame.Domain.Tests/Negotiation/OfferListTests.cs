using CsCheck;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Outcomes;
using NegotiationGame.Domain.Tests.Support;

namespace NegotiationGame.Domain.Tests.Negotiation;

public sealed class OfferListTests
{
    [Fact]
    public void Random_adds_and_replacements_match_a_plain_list_and_leave_every_earlier_version_unchanged()
    {
        // Up to 40,000 operations: tries of one, two and three levels, and every tail and root boundary between.
        var operations = Gen.Select(Gen.Int[0, 3], Gen.Int[0, int.MaxValue]).Array[0, 40_000];
        Property.ForAll(operations, 30, 20251126, steps =>
        {
            var list = OfferList.Empty;
            var expected = new List<Offer>();
            var history = new List<(OfferList List, Offer[] Items)>();
            for (var step = 0; step < steps.Length; step++)
            {
                var (kind, pick) = steps[step];
                if (kind == 0 && expected.Count > 0)
                {
                    var index = pick % expected.Count;
                    var replaced = expected[index] with { Status = OfferStatus.Rejected, Accepted = PartySet.Of(step % 4) };
                    list = list.SetItem(index, replaced);
                    expected[index] = replaced;
                }
                else
                {
                    var added = Offer(expected.Count + 1);
                    list = list.Add(added);
                    expected.Add(added);
                }

                if (step % 997 == 0)
                {
                    history.Add((list, [.. expected]));
                }
            }

            Assert.Equal(expected.Count, list.Count);
            Assert.Equal(expected, list);
            Assert.Equal(expected, Enumerable.Range(0, list.Count).Select(index => list[index]));
            foreach (var (earlier, items) in history)
            {
                Assert.Equal(items, earlier);
            }
        });
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void Indices_outside_the_list_are_refused(int index)
    {
        var list = OfferList.Empty.Add(Offer(1)).Add(Offer(2)).Add(Offer(3));

        Assert.Throws<ArgumentOutOfRangeException>(() => list[index]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list.SetItem(index, Offer(9)));
    }

    [Fact]
    public void Walking_the_list_allocates_nothing()
    {
        var list = OfferList.Empty;
        for (var id = 1; id <= 5_000; id++)
        {
            list = list.Add(Offer(id));
        }

        var sum = SumIds(list);
        var before = GC.GetAllocatedBytesForCurrentThread();
        sum += SumIds(list);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(2L * 5_000 * 5_001 / 2, sum);
        Assert.Equal(0, allocated);
    }

    private static long SumIds(OfferList list)
    {
        long sum = 0;
        foreach (var offer in list)
        {
            sum += offer.Id;
        }

        return sum;
    }

    private static Offer Offer(int id) =>
        new(id, id % 4, Package.Empty, PartySet.Of((id + 1) % 4), 1, null, null, OfferStatus.Open, PartySet.Of(id % 4));
}
