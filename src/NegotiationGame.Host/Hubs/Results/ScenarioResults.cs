using System.Collections.Immutable;

namespace NegotiationGame.Host.Hubs.Results;

/// <summary>Every scenario a new class may play.</summary>
public sealed record ScenarioListResult(ImmutableArray<ScenarioChoice> Scenarios) : HubSuccess;

/// <summary>
/// A checked scenario file: the choice that names it (kept in the library unless <see cref="Kept"/> is false), what
/// the class would see of it, and how many complete outcomes it has.
/// </summary>
public sealed record UploadScenarioResult(ScenarioChoice Choice, bool Kept, PublicScenario Scenario, long Outcomes) : HubSuccess;

/// <summary>A GENIUS domain converted into a scenario file (not yet kept anywhere), its preview and the converter's notes.</summary>
public sealed record ImportGeniusResult(string ScenarioJson, PublicScenario Scenario, long Outcomes, ImmutableArray<string> Notes) : HubSuccess;
