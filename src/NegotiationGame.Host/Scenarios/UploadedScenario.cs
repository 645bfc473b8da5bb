using NegotiationGame.Domain.Scenarios;
using NegotiationGame.Storage.Library;

namespace NegotiationGame.Host.Scenarios;

/// <summary>A checked upload: its library entry, the scenario, and whether the library kept it.</summary>
public sealed record UploadedScenario(LibraryEntry Entry, Scenario Scenario, bool Kept);
