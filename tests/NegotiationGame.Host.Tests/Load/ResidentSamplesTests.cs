using NegotiationGame.LoadTests.EndToEnd;

namespace NegotiationGame.Host.Tests.Load;

public sealed class ResidentSamplesTests
{
    [Fact]
    public void The_mean_and_the_peak_cover_every_reading_and_a_missing_process_adds_none()
    {
        var samples = new ResidentSamples();
        Assert.Null(samples.Mean);
        Assert.Null(samples.Peak);

        samples.Add(300);
        samples.Add(null);
        samples.Add(600);
        samples.Add(390);

        Assert.Equal(430, samples.Mean);
        Assert.Equal(600, samples.Peak);
    }
}
