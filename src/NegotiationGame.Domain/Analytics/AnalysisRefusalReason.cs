namespace NegotiationGame.Domain.Analytics;

public enum AnalysisRefusalReason
{
    /// <summary>More parties than the exact Nash product and the frontier filter are built for.</summary>
    TooManyParties,

    /// <summary>More complete outcomes than one exact pass can visit in reasonable time.</summary>
    TooManyOutcomes,

    /// <summary>The Pareto frontier grew past what can be filtered in reasonable time and memory.</summary>
    FrontierTooLarge,
}
