namespace NegotiationGame.Domain.Analytics;

public enum AnalysisStage
{
    /// <summary>The pass over every outcome (zone of agreement, Nash, Kalai–Smorodinsky, max welfare); steps are outcomes.</summary>
    Outcomes,

    /// <summary>The frontier built issue by issue; steps are candidate vectors filtered.</summary>
    Frontier,
}
