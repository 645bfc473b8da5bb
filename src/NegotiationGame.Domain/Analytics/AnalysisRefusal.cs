namespace NegotiationGame.Domain.Analytics;

/// <summary>Why the exact analytics will not run on a scenario, in words fit for the person who asked.</summary>
public sealed record AnalysisRefusal(AnalysisRefusalReason Reason, string Message);
