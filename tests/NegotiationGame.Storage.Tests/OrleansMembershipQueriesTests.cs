using System.Data;
using NegotiationGame.Storage.Postgres;
using NegotiationGame.Tests;
using Npgsql;

namespace NegotiationGame.Storage.Tests;

/// <summary>
/// The membership queries of migration 0002 run the way Microsoft.Orleans.Clustering.AdoNet 10.4.2 runs them: the text
/// read from OrleansQuery, parameters named without a prefix and typed by DbType. What a cluster exercises only after
/// days (the cleanup of dead silos) and what it exercises only in a race (a stale version) is proven here.
/// </summary>
public sealed class OrleansMembershipQueriesTests : IAsyncLifetime
{
    private const string Cluster = "queries";
    private const int Active = 3;
    private const int Dead = 6;
    private static readonly DateTime Started = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private TemporaryPostgresDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TemporaryPostgresDatabase.CreateAsync();
        await PostgresSchema.MigrateAsync(_database.ConnectionString);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_version_row_is_created_once_and_a_silo_joins_only_on_the_version_it_read()
    {
        Assert.True(await AnswerAsync("InsertMembershipVersionKey", Key()));
        Assert.False(await AnswerAsync("InsertMembershipVersionKey", Key()));

        Assert.True(await AnswerAsync("InsertMembershipKey", Silo(11111, version: 0)));
        Assert.False(await AnswerAsync("InsertMembershipKey", Silo(11112, version: 0)));
        Assert.False(await AnswerAsync("InsertMembershipKey", Silo(11111, version: 1)));
        Assert.True(await AnswerAsync("InsertMembershipKey", Silo(11112, version: 1)));

        Assert.Equal(2, await _database.ExecuteAsync($"SELECT version FROM orleans_membership_versions WHERE deployment_id = '{Cluster}'"));
        Assert.Equal(2L, await _database.ExecuteAsync("SELECT count(*) FROM orleans_membership_silos"));
    }

    [Fact]
    public async Task A_status_change_on_a_stale_version_changes_nothing_and_gateways_list_active_silos()
    {
        Assert.True(await AnswerAsync("InsertMembershipVersionKey", Key()));
        Assert.True(await AnswerAsync("InsertMembershipKey", Silo(11111, version: 0)));

        Assert.False(await AnswerAsync("UpdateMembershipKey", Change(11111, Active, version: 0)));
        Assert.True(await AnswerAsync("UpdateMembershipKey", Change(11111, Active, version: 1)));
        Assert.False(await AnswerAsync("UpdateMembershipKey", Change(11119, Active, version: 2)));

        var gateways = await ReadAsync("GatewaysQueryKey", [.. Key(), Int("Status", Active)]);
        var gateway = Assert.Single(gateways);
        Assert.Equal("127.0.0.1", gateway["Address"]);
        Assert.Equal(30000, gateway["ProxyPort"]);
    }

    [Fact]
    public async Task Cleanup_deletes_a_dead_silo_only_while_its_row_is_as_read_and_never_a_live_one()
    {
        Assert.True(await AnswerAsync("InsertMembershipVersionKey", Key()));
        Assert.True(await AnswerAsync("InsertMembershipKey", Silo(11111, version: 0)));
        Assert.True(await AnswerAsync("InsertMembershipKey", Silo(11112, version: 1)));
        Assert.True(await AnswerAsync("UpdateMembershipKey", Change(11111, Dead, version: 2)));

        var read = await ReadAsync("MembershipReadAllKey", Key());
        Assert.Equal(2, read.Count);
        Assert.All(read, row => Assert.Equal(3, row["Version"]));
        var dead = read.Single(row => (int)row["Status"]! == Dead);
        var aliveAt = (DateTime)dead["IAmAliveTime"]!;

        // A heartbeat after the read: the captured row no longer matches, so the row stays.
        Assert.Equal(0, await ExecuteAsync("CleanupDefunctSiloEntryKey", Captured(11111, aliveAt.AddSeconds(-1))));
        Assert.Equal(1, await ExecuteAsync("CleanupDefunctSiloEntryKey", Captured(11111, aliveAt)));
        Assert.Equal(0, await ExecuteAsync("CleanupDefunctSiloEntriesKey", [.. Key(), Time("IAmAliveTime", Started.AddDays(30))]));
        Assert.Equal(1L, await _database.ExecuteAsync("SELECT count(*) FROM orleans_membership_silos"));
    }

    private static NpgsqlParameter[] Key() => [Text("DeploymentId", Cluster)];

    private static NpgsqlParameter[] Silo(int port, int version) =>
    [
        .. Key(), Text("Address", "127.0.0.1"), Int("Port", port), Int("Generation", 7), Text("SiloName", $"silo-{port}"),
        Text("HostName", "localhost"), Int("Status", 2), Int("ProxyPort", 30000), Time("StartTime", Started),
        Time("IAmAliveTime", Started), Int("Version", version),
    ];

    private static NpgsqlParameter[] Change(int port, int status, int version) =>
    [
        .. Key(), Text("Address", "127.0.0.1"), Int("Port", port), Int("Generation", 7), Int("Status", status),
        Text("SuspectTimes", null), Time("IAmAliveTime", Started.AddMinutes(1)), Int("Version", version),
    ];

    private static NpgsqlParameter[] Captured(int port, DateTime aliveAt) =>
    [
        .. Key(), Text("Address", "127.0.0.1"), Int("Port", port), Int("Generation", 7), Text("SuspectTimes", null),
        Time("StartTime", Started), Time("IAmAliveTime", aliveAt),
    ];

    // As the provider adds them: a bare name, a DbType from the value's .NET type, DBNull for null.
    private static NpgsqlParameter Text(string name, string? value) => new(name, DbType.String) { Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Int(string name, int value) => new(name, DbType.Int32) { Value = value };

    private static NpgsqlParameter Time(string name, DateTime value) => new(name, DbType.DateTime) { Value = value };

    private async Task<bool> AnswerAsync(string key, NpgsqlParameter[] parameters)
    {
        var rows = await ReadAsync(key, parameters);
        var row = Assert.Single(rows);
        return Convert.ToBoolean(Assert.Single(row.Values), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<List<Dictionary<string, object?>>> ReadAsync(string key, NpgsqlParameter[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = await CommandAsync(connection, key, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i), StringComparer.OrdinalIgnoreCase));
        }

        return rows;
    }

    private async Task<int> ExecuteAsync(string key, NpgsqlParameter[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = await CommandAsync(connection, key, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<NpgsqlCommand> CommandAsync(NpgsqlConnection connection, string key, NpgsqlParameter[] parameters)
    {
        await using var lookup = new NpgsqlCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = $1", connection);
        lookup.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        var command = new NpgsqlCommand((string)(await lookup.ExecuteScalarAsync())!, connection);
        command.Parameters.AddRange(parameters);
        return command;
    }
}
