using System.Collections.Immutable;
using System.Xml.Linq;
using NegotiationGame.Domain.Outcomes;

namespace NegotiationGame.Scenarios.Genius;

/// <summary>Reads a GENIUS domain file: <c>&lt;negotiation_template&gt;&lt;utility_space&gt;&lt;objective&gt;</c> with discrete issues.</summary>
internal static class GeniusDomainReader
{
    public static GeniusDomain Read(GeniusFile file)
    {
        var xml = new GeniusXml(file);
        var space = xml.UtilitySpace(xml.Load());
        var objective = GeniusStructure.RootObjective(xml, space);
        GeniusStructure.ExpectOnly(xml, objective, "issue");

        var issueElements = objective.Elements("issue").ToList();
        if (issueElements.Count is 0 or > Package.MaxIssues)
        {
            throw xml.Refuse(GeniusProblemKind.OverLimit, objective, $"has {issueElements.Count} issues; a scenario has 1 to {Package.MaxIssues}");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var issues = new List<GeniusIssue>();
        foreach (var element in issueElements)
        {
            GeniusStructure.ExpectDiscrete(xml, element);
            var name = xml.RequiredAttribute(element, "name");
            if (!names.Add(name))
            {
                throw xml.Refuse(GeniusProblemKind.InvalidValue, element, $"a second issue named '{name}'; profiles find issues by name, so names must differ");
            }

            issues.Add(new GeniusIssue(name, ReadItems(xml, element)));
        }

        return new GeniusDomain([.. issues]);
    }

    private static ImmutableArray<string> ReadItems(GeniusXml xml, XElement issue)
    {
        GeniusStructure.ExpectOnly(xml, issue, "item");
        var items = issue.Elements("item").ToList();
        if (items.Count is < 2 or > Package.MaxOptionsPerIssue)
        {
            throw xml.Refuse(GeniusProblemKind.OverLimit, issue, $"has {items.Count} items; an issue has 2 to {Package.MaxOptionsPerIssue} options");
        }

        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var value = xml.RequiredAttribute(item, "value");
            if (!values.Add(value))
            {
                throw xml.Refuse(GeniusProblemKind.InvalidValue, item, $"a second item '{value}' in this issue; profiles find items by value, so values must differ");
            }
        }

        return [.. items.Select(item => xml.RequiredAttribute(item, "value"))];
    }
}
