using System.Diagnostics;
using NegotiationGame.MartenTrial;
using NegotiationGame.Storage;
using NegotiationGame.Storage.Postgres;
using NegotiationGame.Storage.Sqlite;

namespace NegotiationGame.LoadTests;

/// <summary>
/// The event store that the store mode measures (sqlite, postgres or the Marten trial), opened as its user would open
/// it, schema included, with how long opening took.
/// </summary>
internal sealed class StoreUnderTest : IAsyncDisposable
{
    private readonly Func<long>? _commits;
    private readonly Action _cleanUp;

    private StoreUnderTest(string description, IEventStore store, Func<long>? commits, TimeSpan openTime, Action cleanUp)
    {
        Description = description;
        Store = store;
        _commits = commits;
        OpenTime = openTime;
        _cleanUp = cleanUp;
    }

    public const string Kinds = "sqlite|postgres|marten";

    /// <summary>What was measured, for the result line.</summary>
    public string Description { get; }

    public IEventStore Store { get; }

    /// <summary>Constructing the store plus creating or checking its schema.</summary>
    public TimeSpan OpenTime { get; }

    /// <summary>Commits so far, for the stores that group appends into commits and count them.</summary>
    public long? Commits => _commits?.Invoke();

    public static async Task<StoreUnderTest> OpenAsync(string kind, string? connectionString)
    {
        var stopwatch = Stopwatch.StartNew();
        switch (kind)
        {
            case "sqlite":
                var path = Path.Combine(Path.GetTempPath(), $"negotiationgame-store-{Guid.NewGuid():N}.db");
                var sqlite = new SqliteEventStore(path);
                return new StoreUnderTest("SQLite store", sqlite, () => sqlite.Commits, stopwatch.Elapsed, () => DeleteFiles(path));
            case "postgres":
                var postgresConnection = RequireConnection(kind, connectionString);
                await PostgresSchema.MigrateAsync(postgresConnection);
                var postgres = new PostgresEventStore(postgresConnection);
                return new StoreUnderTest("PostgreSQL store", postgres, () => postgres.Commits, stopwatch.Elapsed, () => { });
            case "marten":
                var marten = new MartenEventStore(RequireConnection(kind, connectionString));
                await marten.CreateSchemaAsync();
                return new StoreUnderTest("Marten trial store", marten, null, stopwatch.Elapsed, () => { });
            default:
                throw new ArgumentException($"--store takes {Kinds}, not '{kind}'.", nameof(kind));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ((IAsyncDisposable)Store).DisposeAsync();
        _cleanUp();
    }

    private static string RequireConnection(string kind, string? connectionString) =>
        connectionString ?? throw new ArgumentException($"--store {kind} needs --connection \"<npgsql connection string>\".", nameof(connectionString));

    private static void DeleteFiles(string path)
    {
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*"))
        {
            File.Delete(file);
        }
    }
}
