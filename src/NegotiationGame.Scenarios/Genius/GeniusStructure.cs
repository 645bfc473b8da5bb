using System.Xml.Linq;

namespace NegotiationGame.Scenarios.Genius;

/// <summary>The shape domains and profiles share: one root objective holding discrete issues.</summary>
internal static class GeniusStructure
{
    // negmas writes type="any" on linear profiles; GENIUS's own non-linear spaces say so here.
    private static readonly string[] LinearSpaceTypes = ["linear", "additive", "any"];

    // GENIUS names the evaluator type etype, and older files only type.
    private static readonly string[] TypeAttributes = ["etype", "type"];

    public static XElement RootObjective(GeniusXml xml, XElement space)
    {
        if (space.Attribute("type")?.Value is { } type && !LinearSpaceTypes.Contains(type.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            throw xml.Refuse(GeniusProblemKind.NotLinearAdditive, space, $"is a '{type}' utility space; only linear additive ones (weights and per-item evaluations) can be imported");
        }

        var objectives = space.Elements("objective").ToList();
        return objectives.Count == 1
            ? objectives[0]
            : throw xml.Refuse(GeniusProblemKind.NotGenius, space, $"holds {objectives.Count} <objective> elements; a GENIUS domain or profile has exactly one");
    }

    /// <summary>Refuses an element a linear additive space does not have, rather than ignoring a part of the preferences.</summary>
    public static void ExpectOnly(GeniusXml xml, XElement parent, params string[] allowed)
    {
        foreach (var child in parent.Elements())
        {
            var name = child.Name.LocalName;
            if (allowed.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }

            throw name == "objective"
                ? xml.Refuse(GeniusProblemKind.NotLinearAdditive, child, "nested objectives (a tree of weighted sub-objectives) cannot be imported; the scenario format weights issues directly")
                : xml.Refuse(GeniusProblemKind.NotLinearAdditive, child, $"is not part of a linear additive GENIUS {(allowed.Contains("weight") ? "profile" : "domain")} (non-linear and constraint utility spaces cannot be imported)");
        }
    }

    public static void ExpectDiscrete(GeniusXml xml, XElement issue)
    {
        foreach (var attribute in TypeAttributes)
        {
            if (issue.Attribute(attribute)?.Value is { } type && !type.Trim().Equals("discrete", StringComparison.OrdinalIgnoreCase))
            {
                throw xml.Refuse(GeniusProblemKind.UnsupportedIssueType, issue, $"is a{(type.StartsWith('i') ? "n" : string.Empty)} {type} issue; only discrete issues (a list of <item>s) can be imported");
            }
        }
    }
}
