namespace NegotiationGame.Scenarios.Genius;

/// <summary>Why a GENIUS file cannot be imported; callers may branch on it, people read the message.</summary>
public enum GeniusProblemKind
{
    /// <summary>The file is larger than <see cref="GeniusXml.MaxFileBytes"/>.</summary>
    TooLarge,

    /// <summary>Not well-formed XML, or XML with a DTD (refused so that no entity expands or fetches anything).</summary>
    NotWellFormed,

    /// <summary>Not shaped like a GENIUS domain or profile (wrong root, no objective).</summary>
    NotGenius,

    /// <summary>A non-linear or constraint utility space, or an element a linear additive profile does not have.</summary>
    NotLinearAdditive,

    /// <summary>An issue whose evaluator is not discrete (real-valued or integer issues).</summary>
    UnsupportedIssueType,

    /// <summary>A profile issue without a <c>&lt;weight&gt;</c>.</summary>
    MissingWeight,

    /// <summary>A profile item without an <c>evaluation</c>.</summary>
    MissingEvaluation,

    /// <summary>An evaluation below 0.</summary>
    NegativeEvaluation,

    /// <summary>A number or name that is missing, malformed or out of range (a weight below 0, a reservation above 1).</summary>
    InvalidValue,

    /// <summary>A profile whose issues or items are not the domain's.</summary>
    ProfileMismatch,

    /// <summary>More (or fewer) parties, issues or options than the scenario format allows.</summary>
    OverLimit,

    /// <summary>Something GENIUS has that the scenario cannot express with the options given (a discount in one round).</summary>
    NotExpressible,
}
