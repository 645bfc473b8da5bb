using NegotiationGame.Scenarios.Genius;

namespace NegotiationGame.Scenarios.Tests.Genius;

public sealed class GeniusIdsTests
{
    [Theory]
    [InlineData("Town hall", "town-hall")]
    [InlineData("  Entry fee (€)  ", "entry-fee")]
    [InlineData("2 euro", "option-2-euro")]
    [InlineData("€€€", "option")]
    [InlineData("A very long name that goes on far past thirty-two characters", "a-very-long-name-that-goes-on-fa")]
    public void A_name_becomes_a_valid_id(string name, string id)
    {
        Assert.Equal(id, new GeniusIds("option").Next(name));
    }

    [Fact]
    public void Names_that_would_repeat_an_id_get_a_counter_within_the_length()
    {
        var ids = new GeniusIds("option");
        var longName = new string('x', 40);

        Assert.Equal("low", ids.Next("Low"));
        Assert.Equal("low-2", ids.Next("low"));
        Assert.Equal("low-3", ids.Next("LOW"));
        Assert.Equal(new string('x', 32), ids.Next(longName));
        Assert.Equal(new string('x', 30) + "-2", ids.Next(longName));
    }
}
