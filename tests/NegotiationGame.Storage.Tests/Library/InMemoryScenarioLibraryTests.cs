using NegotiationGame.Storage.Library;

namespace NegotiationGame.Storage.Tests.Library;

public sealed class InMemoryScenarioLibraryTests : ScenarioLibraryContractTests
{
    protected override IScenarioLibrary Library { get; } = new InMemoryScenarioLibrary();
}
