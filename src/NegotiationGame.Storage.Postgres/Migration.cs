using System.Globalization;
using System.Reflection;

namespace NegotiationGame.Storage.Postgres;

/// <summary>One versioned SQL file, <c>Migrations/NNNN_name.sql</c>, embedded in this assembly.</summary>
/// <param name="Version">The file's number, NNNN: migrations apply in this order, each once.</param>
/// <param name="Name">The file's name after the number, for the operator.</param>
/// <param name="Sql">The statements.</param>
public sealed record Migration(int Version, string Name, string Sql)
{
    private const string Folder = "Migrations/";

    /// <summary>Every migration this build carries, in version order.</summary>
    public static IReadOnlyList<Migration> All { get; } = Load();

    private static Migration[] Load()
    {
        var assembly = typeof(Migration).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(resource => resource.StartsWith(Folder, StringComparison.Ordinal) && resource.EndsWith(".sql", StringComparison.Ordinal))
            .Select(resource => Read(assembly, resource))
            .OrderBy(migration => migration.Version)
            .ToArray();
        var repeated = migrations.GroupBy(migration => migration.Version).FirstOrDefault(group => group.Count() > 1);
        if (repeated is not null)
        {
            throw new InvalidOperationException($"Two migrations share the version {repeated.Key}: {string.Join(", ", repeated.Select(m => m.Name))}.");
        }

        return migrations;
    }

    private static Migration Read(Assembly assembly, string resource)
    {
        var fileName = resource[Folder.Length..^".sql".Length];
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(fileName.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version <= 0)
        {
            throw new InvalidOperationException($"The migration '{resource}' is not named NNNN_name.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, fileName[(separator + 1)..], reader.ReadToEnd());
    }
}
