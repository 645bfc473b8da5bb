using Microsoft.Data.Sqlite;
using NegotiationGame.Storage.Sqlite;
using NegotiationGame.Tests;
using static NegotiationGame.Storage.Tests.TestEntries;

namespace NegotiationGame.Storage.Tests;

/// <summary>A damaged row is reported as such when it is read, and harms nothing else.</summary>
public sealed class SqliteDamagedFileTests : IDisposable
{
    private readonly TemporaryDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Theory]
    [InlineData("x'02'")]
    [InlineData("x''")]
    [InlineData("x'0102'")]
    [InlineData("x'01018f'")]
    [InlineData("x'0101000000000000000000000000000000000000000000000005'")]
    public async Task Reading_a_stream_whose_append_row_is_damaged_fails_with_InvalidDataException_and_other_streams_still_read(string damaged)
    {
        await using (var store = new SqliteEventStore(_file.Path))
        {
            await store.AppendAsync("game/damaged", [Entry(1), Entry(2)]);
            await store.AppendAsync("game/intact", [Entry(1)]);
        }

        using (var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE appends SET entries = {damaged} WHERE position = 1";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        await using var reopened = new SqliteEventStore(_file.Path);
        await Assert.ThrowsAsync<InvalidDataException>(() => reopened.ReadAsync("game/damaged", 0, 10));
        Assert.Single(await reopened.ReadAsync("game/intact", 0, 10));
        await reopened.AppendAsync("game/damaged", [Entry(3)]);
    }
}
