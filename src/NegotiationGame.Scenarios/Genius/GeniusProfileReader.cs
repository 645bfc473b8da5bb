using System.Collections.Immutable;
using System.Xml.Linq;

namespace NegotiationGame.Scenarios.Genius;

/// <summary>
/// Reads a GENIUS linear additive profile (<c>&lt;utility_space&gt;</c> with an objective of issues, items with
/// evaluations and <c>&lt;weight index value&gt;</c> per issue, <c>&lt;reservation&gt;</c>, <c>&lt;discount_factor&gt;</c>)
/// and checks it against its domain: the same issues by name, the same items by value.
/// </summary>
internal static class GeniusProfileReader
{
    public static GeniusProfile Read(GeniusFile file, GeniusDomain domain)
    {
        var xml = new GeniusXml(file);
        var space = xml.UtilitySpace(xml.Load());
        GeniusStructure.ExpectOnly(xml, space, "objective", "reservation", "discount_factor");
        var objective = GeniusStructure.RootObjective(xml, space);
        GeniusStructure.ExpectOnly(xml, objective, "issue", "weight");

        var issueElements = MatchIssues(xml, objective, domain);
        var weights = ReadWeights(xml, objective, domain, issueElements);
        var evaluations = domain.Issues
            .Select((issue, index) => ReadEvaluations(xml, issueElements[index], issue))
            .ToImmutableArray();

        return new GeniusProfile(
            file,
            weights,
            evaluations,
            Reservation(xml, space),
            OptionalValue(xml, space, "discount_factor"));
    }

    /// <summary>The profile's issue element for each domain issue, in the domain's order.</summary>
    private static XElement[] MatchIssues(GeniusXml xml, XElement objective, GeniusDomain domain)
    {
        var byName = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var element in objective.Elements("issue"))
        {
            GeniusStructure.ExpectDiscrete(xml, element);
            var name = xml.RequiredAttribute(element, "name");
            if (!domain.Issues.Any(issue => issue.Name == name))
            {
                throw xml.Refuse(GeniusProblemKind.ProfileMismatch, element, $"the domain has no issue '{name}' (its issues: {string.Join(", ", domain.Issues.Select(issue => issue.Name))})");
            }

            if (!byName.TryAdd(name, element))
            {
                throw xml.Refuse(GeniusProblemKind.ProfileMismatch, element, $"issue '{name}' appears twice in this profile");
            }
        }

        return
        [
            .. domain.Issues.Select(issue => byName.TryGetValue(issue.Name, out var element)
                ? element
                : throw xml.Refuse(GeniusProblemKind.ProfileMismatch, objective, $"has no issue '{issue.Name}', which the domain has")),
        ];
    }

    /// <summary>GENIUS finds an issue's weight by the issue's index attribute in the same profile.</summary>
    private static ImmutableArray<decimal> ReadWeights(GeniusXml xml, XElement objective, GeniusDomain domain, XElement[] issueElements)
    {
        var byIndex = new Dictionary<int, (decimal Weight, XElement Element)>();
        foreach (var element in objective.Elements("weight"))
        {
            // GENIUS writes index=; a few hand-written files say number=.
            var index = xml.Index(element, element.Attribute("index") is null && element.Attribute("number") is not null ? "number" : "index");
            var weight = xml.Number(element, "value", GeniusProblemKind.MissingWeight);
            if (weight < 0)
            {
                throw xml.Refuse(GeniusProblemKind.InvalidValue, element, $"weight {weight} is negative; weights are 0 or more");
            }

            if (!byIndex.TryAdd(index, (weight, element)))
            {
                throw xml.Refuse(GeniusProblemKind.InvalidValue, element, $"a second weight for index {index}");
            }
        }

        var weights = new decimal[issueElements.Length];
        var used = new HashSet<int>();
        for (var issue = 0; issue < issueElements.Length; issue++)
        {
            var index = xml.Index(issueElements[issue], "index");
            if (!byIndex.TryGetValue(index, out var entry))
            {
                throw xml.Refuse(GeniusProblemKind.MissingWeight, issueElements[issue], $"has no <weight index=\"{index}\"> in this profile");
            }

            weights[issue] = entry.Weight;
            used.Add(index);
        }

        var stray = byIndex.FirstOrDefault(pair => !used.Contains(pair.Key));
        if (stray.Value.Element is { } strayElement)
        {
            throw xml.Refuse(GeniusProblemKind.ProfileMismatch, strayElement, $"weighs index {stray.Key}, which is none of this profile's issues ({string.Join(", ", domain.Issues.Select(issue => issue.Name))})");
        }

        return weights.All(weight => weight == 0)
            ? throw xml.Refuse(GeniusProblemKind.InvalidValue, objective, "every weight is 0: the party would be indifferent to every outcome")
            : [.. weights];
    }

    private static ImmutableArray<decimal> ReadEvaluations(GeniusXml xml, XElement issueElement, GeniusIssue issue)
    {
        GeniusStructure.ExpectOnly(xml, issueElement, "item");
        var byValue = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var item in issueElement.Elements("item"))
        {
            var value = xml.RequiredAttribute(item, "value");
            if (!issue.Items.Contains(value, StringComparer.Ordinal))
            {
                throw xml.Refuse(GeniusProblemKind.ProfileMismatch, item, $"issue '{issue.Name}' of the domain has no item '{value}' (its items: {string.Join(", ", issue.Items)})");
            }

            var evaluation = xml.Number(item, "evaluation", GeniusProblemKind.MissingEvaluation);
            if (evaluation < 0)
            {
                throw xml.Refuse(GeniusProblemKind.NegativeEvaluation, item, $"evaluation {evaluation} is negative; GENIUS evaluations are 0 or more (they are divided by the issue's largest)");
            }

            if (!byValue.TryAdd(value, evaluation))
            {
                throw xml.Refuse(GeniusProblemKind.ProfileMismatch, item, $"item '{value}' appears twice in issue '{issue.Name}'");
            }
        }

        return
        [
            .. issue.Items.Select(value => byValue.TryGetValue(value, out var evaluation)
                ? evaluation
                : throw xml.Refuse(GeniusProblemKind.MissingEvaluation, issueElement, $"has no evaluation for item '{value}'")),
        ];
    }

    /// <summary>GENIUS's reservation value is a utility, so 0 to 1.</summary>
    private static decimal? Reservation(GeniusXml xml, XElement space)
    {
        var reservation = OptionalValue(xml, space, "reservation");
        return reservation is < 0 or > 1
            ? throw xml.Refuse(GeniusProblemKind.InvalidValue, space.Element("reservation")!, $"reservation value {reservation} is not a utility from 0 to 1")
            : reservation;
    }

    private static decimal? OptionalValue(GeniusXml xml, XElement space, string elementName) =>
        space.Elements(elementName).ToList() switch
        {
            [] => null,
            [var element] => xml.Number(element, "value", GeniusProblemKind.InvalidValue),
            [_, var second, ..] => throw xml.Refuse(GeniusProblemKind.InvalidValue, second, $"a second <{elementName}>"),
        };
}
