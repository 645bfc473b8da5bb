using System.Text;
using NegotiationGame.Domain.Scenarios;
using NegotiationGame.Host.Hubs;
using NegotiationGame.Host.Hubs.Results;
using NegotiationGame.Scenarios.Genius;

namespace NegotiationGame.Host.Scenarios;

/// <summary>
/// The web form's "Import from GENIUS": the files converted on the server by the same importer as
/// <c>negotiationgame import-genius</c>, answered with the scenario file and its preview. Nothing is kept: the
/// instructor creates a class with the converted text, which is then checked and kept like any upload.
/// </summary>
public static class GeniusUploads
{
    public static HubResult Import(ImportGeniusRequest request, ScenarioAnalyses analyses)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = GeniusImporter.Import(
            File(request.Domain),
            [.. request.Profiles.Select(File)],
            new GeniusImportOptions { Rounds = request.Rounds });
        if (result.Json is not { } json)
        {
            return HubResults.InvalidScenario([.. result.Problems.Select(problem => new ScenarioProblem(
                problem.Element.Length == 0 ? problem.File : $"{problem.File}: {problem.Element}", problem.Message))]);
        }

        var verdict = UploadedScenarioCheck.Check(json, analyses);
        return verdict.Scenario is { } scenario
            ? new ImportGeniusResult(json, PublicScenario.Of(scenario), (long)scenario.OutcomeCount, result.Notes)
            : HubResults.InvalidScenario(verdict.Problems);
    }

    private static GeniusFile File(GeniusXmlFile file) => new(file.Name, Encoding.UTF8.GetBytes(file.Xml));
}
