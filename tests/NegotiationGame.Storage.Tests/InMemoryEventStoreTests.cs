namespace NegotiationGame.Storage.Tests;

public sealed class InMemoryEventStoreTests : EventStoreContractTests
{
    protected override IEventStore Store { get; } = new InMemoryEventStore();
}
