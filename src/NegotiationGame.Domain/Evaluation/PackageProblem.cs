namespace NegotiationGame.Domain.Evaluation;

public enum PackageProblem
{
    None,
    Empty,
    UnknownIssue,
    UnknownOption,
}
