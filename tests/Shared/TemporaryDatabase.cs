using Microsoft.Data.Sqlite;

namespace NegotiationGame.Tests;

/// <summary>
/// A path for one test's SQLite file under the temp folder; disposing closes pooled connections and deletes the file
/// and its WAL and shared-memory files. Compiled into each test project that needs it.
/// </summary>
internal sealed class TemporaryDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "negotiationgame-tests", $"{Guid.NewGuid():N}.db");

    /// <summary>Runs SQL on the file directly, as another program (or a damaged disk) would, and returns the first value.</summary>
    public object? Execute(string sql)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        if (Directory.Exists(directory))
        {
            foreach (var file in Directory.GetFiles(directory, System.IO.Path.GetFileName(Path) + "*"))
            {
                File.Delete(file);
            }
        }
    }
}
