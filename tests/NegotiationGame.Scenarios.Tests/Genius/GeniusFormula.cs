using System.Globalization;
using System.Xml.Linq;

namespace NegotiationGame.Scenarios.Tests.Genius;

/// <summary>
/// GENIUS's own utility of a bid, computed straight from a profile's XML as GENIUS defines it: Σᵢ wᵢ · eᵢ / maxᵢ,
/// here in points (× 100). Independent of the importer, so the round-trip tests compare two computations.
/// </summary>
internal static class GeniusFormula
{
    /// <param name="bid">Issue name → item value.</param>
    public static decimal Points(string profileXml, IReadOnlyDictionary<string, string> bid)
    {
        var objective = XDocument.Parse(profileXml).Root!.Element("objective")!;
        var weights = objective.Elements("weight").ToDictionary(weight => (string)weight.Attribute("index")!, weight => Number(weight, "value"));
        var utility = 0m;
        foreach (var issue in objective.Elements("issue"))
        {
            var evaluations = issue.Elements("item").ToDictionary(item => (string)item.Attribute("value")!, item => Number(item, "evaluation"));
            utility += weights[(string)issue.Attribute("index")!] * evaluations[bid[(string)issue.Attribute("name")!]] / evaluations.Values.Max();
        }

        return utility * 100;
    }

    private static decimal Number(XElement element, string attribute) =>
        decimal.Parse((string)element.Attribute(attribute)!, NumberStyles.Float, CultureInfo.InvariantCulture);
}
