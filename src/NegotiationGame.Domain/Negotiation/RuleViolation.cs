namespace NegotiationGame.Domain.Negotiation;

/// <summary>A refused command: a stable code for programs and a sentence a student understands.</summary>
public sealed record RuleViolation(RuleViolationCode Code, string Message);
