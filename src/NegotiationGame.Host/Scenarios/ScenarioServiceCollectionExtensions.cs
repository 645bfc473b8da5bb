using NegotiationGame.Storage.Library;

namespace NegotiationGame.Host.Scenarios;

public static class ScenarioServiceCollectionExtensions
{
    /// <summary>
    /// What createClass needs to accept an uploaded scenario and name a library entry: the backend's library, and the
    /// analytics cache that the debrief shares with the upload check.
    /// </summary>
    public static IServiceCollection AddClassScenarios(this IServiceCollection services, IScenarioLibrary library)
    {
        services.AddSingleton(library);
        services.AddSingleton<ScenarioAnalyses>();
        services.AddSingleton<ClassScenarios>();
        return services;
    }
}
