using Microsoft.Extensions.DependencyInjection;
using NegotiationGame.Contracts.Serialization;
using NegotiationGame.Storage;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace NegotiationGame.Grains.Tests;

/// <summary>The store's plain log entry crosses grain boundaries through its surrogate, and is not copied within a silo.</summary>
public sealed class LoggedEventSerializationTests
{
    private static readonly LoggedEvent Entry = new(7, new DateTimeOffset(2025, 2, 12, 10, 0, 0, TimeSpan.Zero), Guid.NewGuid(), "StatementMade", """{"party":"us","text":"hello"}""");

    private readonly IServiceProvider _services = new ServiceCollection()
        .AddSerializer(serializer => serializer.AddAssembly(typeof(LoggedEventConverter).Assembly))
        .BuildServiceProvider();

    [Fact]
    public void An_entry_survives_the_wire_unchanged()
    {
        var serializer = _services.GetRequiredService<Serializer<LoggedEvent>>();

        var bytes = serializer.SerializeToArray(Entry);

        Assert.Equal(Entry, serializer.Deserialize(bytes));
    }

    [Fact]
    public void Within_a_silo_an_entry_is_passed_as_it_is()
    {
        var copier = _services.GetRequiredService<DeepCopier<LoggedEvent>>();

        Assert.Same(Entry, copier.Copy(Entry));
    }
}
