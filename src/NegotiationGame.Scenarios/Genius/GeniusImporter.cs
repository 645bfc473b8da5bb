using System.Collections.Immutable;
using NegotiationGame.Domain.Outcomes;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Scenarios.Genius;

/// <summary>
/// Converts a GENIUS linear additive domain and one preference profile per party into a scenario file, or refuses
/// with every file's first problem. The result is loaded back with <see cref="ScenarioLoader"/> before it is
/// returned, so a successful import is always a valid, playable scenario. Reads bytes handed to it, no files.
/// </summary>
public static class GeniusImporter
{
    /// <summary>The name problems found in the converted scenario itself are reported under.</summary>
    public const string ScenarioFile = "(converted scenario)";

    /// <summary>The largest GENIUS file read, in bytes; a caller reading files checks it before reading one.</summary>
    public const int MaxFileBytes = GeniusXml.MaxFileBytes;

    private const string CommandLine = "(options)";

    private static readonly string[] DomainSuffixes = ["_domain", "-domain", " domain", "domain"];

    public static GeniusImportResult Import(GeniusFile domainFile, IReadOnlyList<GeniusFile> profileFiles, GeniusImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(domainFile);
        ArgumentNullException.ThrowIfNull(profileFiles);
        ArgumentNullException.ThrowIfNull(options);

        if (CheckOptions(profileFiles, options) is { } refusal)
        {
            return GeniusImportResult.Failure([refusal]);
        }

        GeniusDomain domain;
        try
        {
            domain = GeniusDomainReader.Read(domainFile);
        }
        catch (GeniusImportException exception)
        {
            return GeniusImportResult.Failure([exception.Problem]);
        }

        var problems = new List<GeniusImportProblem>();
        var profiles = new List<GeniusProfile>();
        foreach (var file in profileFiles)
        {
            try
            {
                profiles.Add(GeniusProfileReader.Read(file, domain));
            }
            catch (GeniusImportException exception)
            {
                problems.Add(exception.Problem);
            }
        }

        if (problems.Count > 0)
        {
            return GeniusImportResult.Failure(problems);
        }

        // Weights as written keep thirds and other exact fractions exact; only when the loader cannot find a
        // common unit for them all are they rewritten as millionths, which always fit.
        var asWritten = Convert(domain, domainFile, profiles, options, weightsInMillionths: false);
        return asWritten.Succeeded || asWritten.Problems.Any(problem => problem.File != ScenarioFile)
            ? asWritten
            : Convert(domain, domainFile, profiles, options, weightsInMillionths: true) is { Succeeded: true } rewritten ? rewritten : asWritten;
    }

    private static GeniusImportResult Convert(GeniusDomain domain, GeniusFile domainFile, List<GeniusProfile> profiles, GeniusImportOptions options, bool weightsInMillionths)
    {
        var partyIds = new GeniusIds("party");
        var parties = ImmutableArray.CreateBuilder<GeniusImportPlan.ImportedParty>(profiles.Count);
        var problems = new List<GeniusImportProblem>();
        for (var index = 0; index < profiles.Count; index++)
        {
            var profile = profiles[index];
            var name = options.PartyNames.Count > 0 ? options.PartyNames[index].Trim() : PartyName(profile.File, domainFile);
            try
            {
                var conversion = GeniusPartyConversion.Convert(domain, profile, name, options.Rounds, weightsInMillionths);
                parties.Add(new GeniusImportPlan.ImportedParty(partyIds.Next(name), name, profile.File, conversion));
            }
            catch (GeniusImportException exception)
            {
                problems.Add(exception.Problem);
            }
        }

        if (problems.Count > 0)
        {
            return GeniusImportResult.Failure(problems);
        }

        var issueIds = new GeniusIds("issue");
        var issues = domain.Issues
            .Select(issue =>
            {
                var optionIds = new GeniusIds("option");
                return new GeniusImportPlan.ImportedIssue(issueIds.Next(issue.Name), issue, [.. issue.Items.Select(optionIds.Next)]);
            })
            .ToImmutableArray();

        var title = DomainTitle(domainFile);
        var plan = new GeniusImportPlan(
            options.ScenarioId ?? new GeniusIds("genius").Next(title),
            title,
            domainFile,
            options.Rounds,
            issues,
            parties.MoveToImmutable());
        var json = GeniusScenarioWriter.Write(plan);
        var loaded = ScenarioLoader.Load(json);
        return loaded.Succeeded
            ? GeniusImportResult.Success(json, loaded.Scenario, plan.Parties.SelectMany(party => party.Conversion.Notes))
            : GeniusImportResult.Failure(loaded.Problems.Select(problem =>
                new GeniusImportProblem(GeniusProblemKind.NotExpressible, ScenarioFile, problem.Path, problem.Message)));
    }

    private static GeniusImportProblem? CheckOptions(IReadOnlyList<GeniusFile> profileFiles, GeniusImportOptions options)
    {
        if (profileFiles.Count is < 2 or > PartySet.MaxParties)
        {
            return new GeniusImportProblem(GeniusProblemKind.OverLimit, CommandLine, "profiles", $"{profileFiles.Count} profile(s) given; a scenario has 2 to {PartySet.MaxParties} parties, one profile each");
        }

        if (options.PartyNames.Count > 0 && options.PartyNames.Count != profileFiles.Count)
        {
            return new GeniusImportProblem(GeniusProblemKind.InvalidValue, CommandLine, "--party", $"{options.PartyNames.Count} party name(s) for {profileFiles.Count} profiles; give one per profile, in the same order, or none");
        }

        if (options.PartyNames.FirstOrDefault(name => string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100) is { } badName)
        {
            return new GeniusImportProblem(GeniusProblemKind.InvalidValue, CommandLine, "--party", $"'{badName}' is not a party name: 1 to 100 characters, not blank");
        }

        if (options.Rounds is < 1 or > ScenarioLoader.MaxRounds)
        {
            return new GeniusImportProblem(GeniusProblemKind.InvalidValue, CommandLine, "--rounds", $"{options.Rounds} rounds; a scenario has 1 to {ScenarioLoader.MaxRounds}");
        }

        return options.ScenarioId is { } id && (id.Length == 0 || GeniusIds.Slug(id) != id || !char.IsAsciiLetterLower(id[0]))
            ? new GeniusImportProblem(GeniusProblemKind.InvalidValue, CommandLine, "--name", $"'{id}' is not a scenario id: lower-case letters, digits and '-', starting with a letter, at most {GeniusIds.MaxLength} characters")
            : null;
    }

    /// <summary>"laptop_buyer.xml" in the domain "laptop_domain.xml" is the party "buyer"; other names stay whole.</summary>
    private static string PartyName(GeniusFile profileFile, GeniusFile domainFile)
    {
        var stem = profileFile.Stem;
        var domain = DomainStem(domainFile);
        return stem.Length > domain.Length + 1 && stem.StartsWith(domain, StringComparison.OrdinalIgnoreCase) && stem[domain.Length] is '_' or '-' or ' '
            ? stem[(domain.Length + 1)..]
            : stem;
    }

    /// <summary>"laptop_domain.xml" is the domain "laptop".</summary>
    private static string DomainTitle(GeniusFile domainFile)
    {
        var title = DomainStem(domainFile).Replace('_', ' ').Trim();
        return title.Length > 0 ? title : "GENIUS domain";
    }

    private static string DomainStem(GeniusFile domainFile)
    {
        var stem = domainFile.Stem;
        var suffix = DomainSuffixes.FirstOrDefault(suffix => stem.Length > suffix.Length && stem.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
        return suffix is null ? stem : stem[..^suffix.Length];
    }
}
