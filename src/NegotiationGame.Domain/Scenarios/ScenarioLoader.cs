using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using NegotiationGame.Domain.Outcomes;

namespace NegotiationGame.Domain.Scenarios;

/// <summary>
/// Turns scenario JSON (the format of docs/scenario-format.md) into a <see cref="Scenario"/>, or into the list of
/// every problem found. It reads text handed to it and touches no file.
/// </summary>
public static class ScenarioLoader
{
    public const int FormatVersion = 1;
    public const int MaxRounds = 100;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    public static ScenarioLoadResult Load(string json) => Load(Encoding.UTF8.GetBytes(json));

    public static ScenarioLoadResult Load(ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line
                ? $" (line {line + 1}, position {exception.BytePositionInLine + 1})"
                : string.Empty;
            return ScenarioLoadResult.Failure([new ScenarioProblem("$", $"is not valid JSON{where}")]);
        }

        using (document)
        {
            var reader = new JsonProblemReader();
            var scenario = new ScenarioBuilder(reader).Build(document.RootElement);
            return reader.ProblemCount == 0 && scenario is not null
                ? ScenarioLoadResult.Success(scenario)
                : ScenarioLoadResult.Failure(reader.Problems);
        }
    }

    /// <summary>Loads a scenario that must be valid (a bundled one, or one already validated).</summary>
    public static Scenario LoadOrThrow(string json, string sourceName)
    {
        var result = Load(json);
        return result.Succeeded ? result.Scenario : throw new InvalidScenarioException(sourceName, result.Problems);
    }

    /// <summary>One pass over the document; records every problem and builds the scenario only if there is none.</summary>
    private sealed class ScenarioBuilder(JsonProblemReader reader)
    {
        private readonly Dictionary<string, int> _partyIndex = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _issueIndex = new(StringComparer.Ordinal);
        private readonly List<Party> _parties = [];
        private readonly List<IssueDraft> _issues = [];

        // Ids of items that were declared but are broken: their own problems are reported once, where they
        // stand, and references to them are not reported again as "unknown".
        private readonly HashSet<string> _brokenPartyIds = new(StringComparer.Ordinal);
        private readonly HashSet<string> _brokenIssueIds = new(StringComparer.Ordinal);

        public Scenario? Build(JsonElement root)
        {
            const string path = "$";
            if (!reader.ExpectObject(
                    root,
                    path,
                    ["formatVersion", "id", "title", "summary", "rounds", "publicBackground", "parties", "issues", "profiles"],
                    ["$schema"]))
            {
                return null;
            }

            if (root.TryGetProperty("formatVersion", out var version))
            {
                _ = reader.Integer(version, "$.formatVersion", FormatVersion, FormatVersion);
            }

            var id = reader.Id(root, "id", path);
            var title = reader.String(root, "title", path, maxLength: 200);
            var summary = reader.String(root, "summary", path, maxLength: 2_000);
            var background = reader.String(root, "publicBackground", path);
            var rounds = root.TryGetProperty("rounds", out var roundsElement)
                ? reader.Integer(roundsElement, "$.rounds", 1, MaxRounds)
                : null;

            if (root.TryGetProperty("parties", out var parties))
            {
                ReadParties(parties, "$.parties");
            }

            if (root.TryGetProperty("issues", out var issues))
            {
                ReadIssues(issues, "$.issues");
            }

            var profiles = root.TryGetProperty("profiles", out var profilesElement)
                ? ReadProfiles(profilesElement, "$.profiles")
                : null;

            if (reader.ProblemCount > 0 || id is null || title is null || summary is null || background is null ||
                rounds is null || profiles is null)
            {
                return null;
            }

            var builtIssues = _issues.Select((draft, index) => draft.ToIssue(index)).ToImmutableArray();
            return new Scenario(id, title, summary, background, rounds.Value, [.. _parties], builtIssues, profiles.Value);
        }

        private void ReadParties(JsonElement array, string path)
        {
            if (!reader.ExpectArray(array, path, 2, PartySet.MaxParties))
            {
                return;
            }

            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var at = JsonProblemReader.Item(path, index++);
                if (!reader.ExpectObject(element, at, ["id", "name", "leader"], []))
                {
                    continue;
                }

                var id = reader.Id(element, "id", at);
                var name = reader.String(element, "name", at, maxLength: 100);
                var leader = reader.String(element, "leader", at, maxLength: 100);
                if (id is null)
                {
                    RememberBroken(element, _brokenPartyIds);
                    continue;
                }

                if (!_partyIndex.TryAdd(id, _parties.Count))
                {
                    reader.Report(JsonProblemReader.Child(at, "id"), $"duplicate party id '{id}'");
                    continue;
                }

                // A party with a broken name is still registered, so that references to it are checked too.
                _parties.Add(new Party(_parties.Count, id, name ?? string.Empty, leader ?? string.Empty));
            }
        }

        private void ReadIssues(JsonElement array, string path)
        {
            if (!reader.ExpectArray(array, path, 1, Package.MaxIssues))
            {
                return;
            }

            var index = 0;
            var mapped = new List<(string Path, string Id, string? Group, bool HasShape)>();
            foreach (var element in array.EnumerateArray())
            {
                var at = JsonProblemReader.Item(path, index++);
                if (!reader.ExpectObject(
                        element,
                        at,
                        ["id", "name", "group", "description", "options", "noDeal", "signatories"],
                        ["map"]))
                {
                    continue;
                }

                var id = reader.Id(element, "id", at);
                var name = reader.String(element, "name", at, maxLength: 100);
                var group = reader.String(element, "group", at, maxLength: 100);
                var description = reader.String(element, "description", at, maxLength: 2_000);
                var options = element.TryGetProperty("options", out var optionsElement)
                    ? ReadOptions(optionsElement, JsonProblemReader.Child(at, "options"))
                    : null;
                var signatories = element.TryGetProperty("signatories", out var signatoriesElement)
                    ? ReadPartyList(signatoriesElement, JsonProblemReader.Child(at, "signatories"), minItems: 1)
                    : null;
                var hasMap = element.TryGetProperty("map", out var mapElement);
                var map = hasMap ? MapShapeReader.Read(reader, mapElement, JsonProblemReader.Child(at, "map")) : null;

                int? noDeal = null;
                var noDealId = reader.String(element, "noDeal", at, maxLength: 100);
                if (noDealId is not null && options is not null)
                {
                    var optionIndex = options.FindIndex(option => option.Id == noDealId);
                    if (optionIndex < 0)
                    {
                        reader.Report(
                            JsonProblemReader.Child(at, "noDeal"),
                            $"'{noDealId}' is not one of this issue's options ({string.Join(", ", options.Select(o => o.Id))})");
                    }
                    else
                    {
                        noDeal = optionIndex;
                    }
                }

                if (id is null)
                {
                    RememberBroken(element, _brokenIssueIds);
                    continue;
                }

                mapped.Add((at, id, group, hasMap));
                if (!_issueIndex.TryAdd(id, _issues.Count))
                {
                    reader.Report(JsonProblemReader.Child(at, "id"), $"duplicate issue id '{id}'");
                    continue;
                }

                // A broken issue is still registered so that weights and values for it are checked as far as
                // they can be; the scenario is built only if nothing at all is wrong.
                _issues.Add(new IssueDraft(id, name, group, description, options, noDeal, signatories, map));
            }

            MapShapeReader.CheckGroups(reader, mapped);
        }

        private List<IssueOption>? ReadOptions(JsonElement array, string path)
        {
            if (!reader.ExpectArray(array, path, 2, Package.MaxOptionsPerIssue))
            {
                return null;
            }

            var problemsBefore = reader.ProblemCount;
            var options = new List<IssueOption>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var at = JsonProblemReader.Item(path, index++);
                if (!reader.ExpectObject(element, at, ["id", "label"], ["alsoRequires"]))
                {
                    continue;
                }

                var id = reader.Id(element, "id", at);
                var label = reader.String(element, "label", at, maxLength: 200);
                var alsoRequires = element.TryGetProperty("alsoRequires", out var alsoElement)
                    ? ReadPartyList(alsoElement, JsonProblemReader.Child(at, "alsoRequires"), minItems: 0)
                    : PartySet.Empty;
                if (id is null || label is null || alsoRequires is null)
                {
                    continue;
                }

                if (!ids.Add(id))
                {
                    reader.Report(JsonProblemReader.Child(at, "id"), $"duplicate option id '{id}'");
                    continue;
                }

                options.Add(new IssueOption(options.Count, id, label, alsoRequires.Value));
            }

            return reader.ProblemCount == problemsBefore ? options : null;
        }

        private PartySet? ReadPartyList(JsonElement array, string path, int minItems)
        {
            if (!reader.ExpectArray(array, path, minItems, PartySet.MaxParties))
            {
                return null;
            }

            var problemsBefore = reader.ProblemCount;
            var set = PartySet.Empty;
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var at = JsonProblemReader.Item(path, index++);
                if (element.ValueKind != JsonValueKind.String)
                {
                    reader.Report(at, $"must be a party id, found {JsonProblemReader.Describe(element)}");
                    continue;
                }

                var partyId = element.GetString()!;
                if (!_partyIndex.TryGetValue(partyId, out var partyIndex))
                {
                    ReportUnknownParty(at, partyId, $"unknown party '{partyId}'");
                }
                else if (set.Contains(partyIndex))
                {
                    reader.Report(at, $"party '{partyId}' is listed twice");
                }
                else
                {
                    set = set.With(partyIndex);
                }
            }

            return reader.ProblemCount == problemsBefore ? set : null;
        }

        private ImmutableArray<PartyProfile>? ReadProfiles(JsonElement map, string path)
        {
            if (!reader.ExpectMap(map, path))
            {
                return null;
            }

            var problemsBefore = reader.ProblemCount;
            var drafts = new ProfileDraft?[_parties.Count];
            foreach (var property in map.EnumerateObject())
            {
                var at = JsonProblemReader.Child(path, property.Name);
                if (!_partyIndex.TryGetValue(property.Name, out var partyIndex))
                {
                    ReportUnknownParty(at, property.Name, $"profile for unknown party '{property.Name}'");
                    continue;
                }

                drafts[partyIndex] ??= ReadProfile(property.Value, at, partyIndex);
            }

            foreach (var party in _parties)
            {
                if (!map.TryGetProperty(party.Id, out _))
                {
                    reader.Report(JsonProblemReader.Child(path, party.Id), $"party '{party.Id}' ({party.Name}) has no profile");
                }
            }

            if (reader.ProblemCount != problemsBefore || drafts.Any(draft => draft is null))
            {
                return null;
            }

            return ToProfiles([.. drafts.Select(draft => draft!)], path);
        }

        /// <summary>Puts every party's weights on the scenario's one exact unit (see <see cref="WeightScale"/>).</summary>
        private ImmutableArray<PartyProfile>? ToProfiles(ProfileDraft[] drafts, string path)
        {
            var millionths = drafts.Select(draft => WeightScale.Millionths(draft.Weights)).ToArray();
            var denominators = millionths.Select(WeightScale.Denominator).ToArray();
            var problemsBefore = reader.ProblemCount;
            for (var party = 0; party < drafts.Length; party++)
            {
                var needed = WeightScale.UnitsNeeded([denominators[party]]);
                if (needed > WeightScale.MaxUnitsPerPoint)
                {
                    reader.Report(
                        JsonProblemReader.Child(JsonProblemReader.Child(path, _parties[party].Id), "weights"),
                        $"normalised by their sum, these weights need utilities in 1/{needed:N0} of a point to stay exact; at most 1/{WeightScale.MaxUnitsPerPoint:N0} is supported (give them fewer decimals, or make them sum to 1 or 100)");
                }
            }

            var unitsPerPoint = WeightScale.UnitsNeeded(denominators);
            if (reader.ProblemCount == problemsBefore && unitsPerPoint > WeightScale.MaxUnitsPerPoint)
            {
                reader.Report(path, $"normalised by their sums, the parties' weights together need utilities in 1/{unitsPerPoint:N0} of a point to stay exact; at most 1/{WeightScale.MaxUnitsPerPoint:N0} is supported (make every party's weights sum to the same round number, such as 1 or 100)");
            }

            return reader.ProblemCount == problemsBefore
                ? [.. drafts.Select((draft, party) => draft.ToProfile([.. WeightScale.ToUnits(millionths[party], (int)unitsPerPoint)]))]
                : null;
        }

        private ProfileDraft? ReadProfile(JsonElement element, string path, int partyIndex)
        {
            if (!reader.ExpectObject(element, path, ["weights", "values", "reservation", "briefing"], ["discountPerRound", "redLines"]))
            {
                return null;
            }

            var problemsBefore = reader.ProblemCount;
            var weights = element.TryGetProperty("weights", out var weightsElement)
                ? ReadWeights(weightsElement, JsonProblemReader.Child(path, "weights"))
                : null;
            var values = element.TryGetProperty("values", out var valuesElement)
                ? ReadValues(valuesElement, JsonProblemReader.Child(path, "values"))
                : null;
            var reservation = element.TryGetProperty("reservation", out var reservationElement)
                ? ReadReservation(reservationElement, JsonProblemReader.Child(path, "reservation"))
                : null;
            var discount = element.TryGetProperty("discountPerRound", out var discountElement)
                ? ReadDiscount(discountElement, JsonProblemReader.Child(path, "discountPerRound"))
                : 1.0;
            var redLines = element.TryGetProperty("redLines", out var redLinesElement)
                ? ReadRedLines(redLinesElement, JsonProblemReader.Child(path, "redLines"))
                : [];
            var briefing = reader.String(element, "briefing", path);

            if (reader.ProblemCount != problemsBefore || weights is null || values is null || reservation is null ||
                discount is null || redLines is null || briefing is null)
            {
                return null;
            }

            return new ProfileDraft(partyIndex, weights.Value, values.Value, reservation.Value, discount.Value, redLines.Value, briefing);
        }

        private ImmutableArray<decimal>? ReadWeights(JsonElement map, string path)
        {
            if (!reader.ExpectMap(map, path))
            {
                return null;
            }

            var problemsBefore = reader.ProblemCount;
            var weights = new decimal?[_issues.Count];
            foreach (var property in map.EnumerateObject())
            {
                var at = JsonProblemReader.Child(path, property.Name);
                if (!_issueIndex.TryGetValue(property.Name, out var issueIndex))
                {
                    ReportUnknownIssue(at, property.Name, $"weight for unknown issue '{property.Name}'");
                    continue;
                }

                weights[issueIndex] ??= reader.ExactNumber(property.Value, at, WeightScale.MaxWeight, WeightScale.MaxDecimals);
            }

            foreach (var issue in _issues)
            {
                if (!map.TryGetProperty(issue.Id, out _))
                {
                    reader.Report(JsonProblemReader.Child(path, issue.Id), $"issue '{issue.Id}' has no weight");
                }
            }

            if (reader.ProblemCount != problemsBefore)
            {
                return null;
            }

            if (weights.All(weight => weight == 0))
            {
                reader.Report(path, "every weight is 0; at least one must be positive (weights are normalised by their sum)");
                return null;
            }

            return [.. weights.Select(weight => weight!.Value)];
        }

        private ImmutableArray<ImmutableArray<int>>? ReadValues(JsonElement map, string path)
        {
            if (!reader.ExpectMap(map, path))
            {
                return null;
            }

            var problemsBefore = reader.ProblemCount;
            var values = new ImmutableArray<int>[_issues.Count];
            foreach (var property in map.EnumerateObject())
            {
                var at = JsonProblemReader.Child(path, property.Name);
                if (!_issueIndex.TryGetValue(property.Name, out var issueIndex))
                {
                    ReportUnknownIssue(at, property.Name, $"values for unknown issue '{property.Name}'");
                    continue;
                }

                if (values[issueIndex].IsDefault && _issues[issueIndex].Options is not null &&
                    ReadOptionValues(property.Value, at, _issues[issueIndex]) is { } optionValues)
                {
                    values[issueIndex] = optionValues;
                }
            }

            foreach (var issue in _issues)
            {
                if (!map.TryGetProperty(issue.Id, out _))
                {
                    reader.Report(JsonProblemReader.Child(path, issue.Id), $"issue '{issue.Id}' has no values");
                }
            }

            return reader.ProblemCount == problemsBefore ? [.. values] : null;
        }

        private ImmutableArray<int>? ReadOptionValues(JsonElement map, string path, IssueDraft issue)
        {
            if (!reader.ExpectMap(map, path))
            {
                return null;
            }

            var problemsBefore = reader.ProblemCount;
            var options = issue.Options!;
            var values = new int?[options.Count];
            foreach (var property in map.EnumerateObject())
            {
                var at = JsonProblemReader.Child(path, property.Name);
                var optionIndex = options.FindIndex(option => option.Id == property.Name);
                if (optionIndex < 0)
                {
                    reader.Report(at, $"issue '{issue.Id}' has no option '{property.Name}' (its options: {string.Join(", ", options.Select(o => o.Id))})");
                    continue;
                }

                values[optionIndex] ??= reader.Integer(property.Value, at, 0, 100);
            }

            foreach (var option in options)
            {
                if (!map.TryGetProperty(option.Id, out _))
                {
                    reader.Report(JsonProblemReader.Child(path, option.Id), $"option '{option.Id}' of issue '{issue.Id}' has no value");
                }
            }

            return reader.ProblemCount == problemsBefore ? [.. values.Select(value => value!.Value)] : null;
        }

        private int? ReadReservation(JsonElement element, string path)
        {
            if (reader.Number(element, path, 0, 100) is not { } reservation)
            {
                return null;
            }

            var hundredths = Math.Round(reservation * 100);
            if (Math.Abs((reservation * 100) - hundredths) > 1e-6)
            {
                reader.Report(path, $"{element.GetRawText()} has more than two decimals");
                return null;
            }

            return (int)hundredths;
        }

        private double? ReadDiscount(JsonElement element, string path)
        {
            if (reader.Number(element, path, 0, 1) is not { } discount)
            {
                return null;
            }

            if (discount <= 0)
            {
                reader.Report(path, "must be greater than 0 (1 means no discount)");
                return null;
            }

            return discount;
        }

        private ImmutableArray<RedLine>? ReadRedLines(JsonElement array, string path)
        {
            if (!reader.ExpectArray(array, path, 0, 64))
            {
                return null;
            }

            var problemsBefore = reader.ProblemCount;
            var redLines = new List<RedLine>();
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var at = JsonProblemReader.Item(path, index++);
                if (!reader.ExpectObject(element, at, ["issue", "option"], []))
                {
                    continue;
                }

                var issueId = reader.String(element, "issue", at, maxLength: 100);
                var optionId = reader.String(element, "option", at, maxLength: 100);
                if (issueId is null || optionId is null)
                {
                    continue;
                }

                if (!_issueIndex.TryGetValue(issueId, out var issueIndex))
                {
                    ReportUnknownIssue(JsonProblemReader.Child(at, "issue"), issueId, $"unknown issue '{issueId}'");
                    continue;
                }

                var issue = _issues[issueIndex];
                if (issue.Options is null)
                {
                    continue;
                }

                var optionIndex = issue.Options.FindIndex(option => option.Id == optionId);
                if (optionIndex < 0)
                {
                    reader.Report(JsonProblemReader.Child(at, "option"), $"issue '{issueId}' has no option '{optionId}'");
                    continue;
                }

                var redLine = new RedLine(issueIndex, optionIndex);
                if (redLines.Contains(redLine))
                {
                    reader.Report(at, $"red line {issueId}/{optionId} is listed twice");
                    continue;
                }

                redLines.Add(redLine);
            }

            return reader.ProblemCount == problemsBefore ? [.. redLines] : null;
        }

        private static void RememberBroken(JsonElement element, HashSet<string> broken)
        {
            if (element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                broken.Add(id.GetString()!);
            }
        }

        private void ReportUnknownParty(string path, string partyId, string message)
        {
            if (!_brokenPartyIds.Contains(partyId))
            {
                reader.Report(path, $"{message} (parties: {string.Join(", ", _parties.Select(p => p.Id))})");
            }
        }

        private void ReportUnknownIssue(string path, string issueId, string message)
        {
            if (!_brokenIssueIds.Contains(issueId))
            {
                reader.Report(path, $"{message} (issues: {string.Join(", ", _issues.Select(i => i.Id))})");
            }
        }
    }

    /// <summary>A profile as read, with its weights as written, before they are put on the scenario's unit.</summary>
    private sealed record ProfileDraft(
        int PartyIndex,
        ImmutableArray<decimal> Weights,
        ImmutableArray<ImmutableArray<int>> Values,
        int ReservationHundredths,
        double DiscountPerRound,
        ImmutableArray<RedLine> RedLines,
        string Briefing)
    {
        public PartyProfile ToProfile(ImmutableArray<int> weightUnits) =>
            new(PartyIndex, weightUnits, Values, ReservationHundredths, DiscountPerRound, RedLines, Briefing);
    }

    /// <summary>An issue as read, with null where a part of it is broken (and reported).</summary>
    private sealed record IssueDraft(
        string Id,
        string? Name,
        string? Group,
        string? Description,
        List<IssueOption>? Options,
        int? NoDeal,
        PartySet? Signatories,
        MapShape? Map)
    {
        public Issue ToIssue(int index) =>
            new(index, Id, Name!, Group!, Description!, [.. Options!], NoDeal!.Value, Signatories!.Value, Map);
    }
}
