namespace NegotiationGame.Domain.Analytics;

/// <summary>
/// How far an analysis has come: in <paramref name="Stage"/>, step <paramref name="Step"/> of <paramref name="Steps"/>
/// (the frontier has one step per issue, the pass over outcomes one step), and within it <paramref name="Done"/> of
/// <paramref name="Total"/> items (candidate vectors or outcomes).
/// </summary>
public readonly record struct AnalysisProgress(AnalysisStage Stage, int Step, int Steps, long Done, long Total);
