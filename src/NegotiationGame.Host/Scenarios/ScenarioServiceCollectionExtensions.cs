namespace NegotiationGame.Host.Scenarios;

public static class ScenarioServiceCollectionExtensions
{
    /// <summary>What createClass needs to accept an uploaded scenario, and the analytics cache the debrief shares with it.</summary>
    public static IServiceCollection AddClassScenarios(this IServiceCollection services)
    {
        services.AddSingleton<ScenarioAnalyses>();
        services.AddSingleton<ClassScenarios>();
        return services;
    }
}
