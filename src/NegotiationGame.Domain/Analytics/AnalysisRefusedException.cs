namespace NegotiationGame.Domain.Analytics;

/// <summary>Thrown instead of starting (or finishing) an analysis that could not end in reasonable time.</summary>
public sealed class AnalysisRefusedException : Exception
{
    public AnalysisRefusedException(AnalysisRefusal refusal)
        : base(refusal?.Message)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        Refusal = refusal;
    }

    public AnalysisRefusal Refusal { get; }
}
