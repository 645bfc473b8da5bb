using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace NegotiationGame.Host.Cluster;

/// <summary>
/// The Data Protection key ring in the cluster's database (migration 0003), so that every node reads the same keys: a
/// token or download ticket one node issues is accepted by every other. The key manager calls this synchronously and
/// rarely (at start-up, on a refresh, when it makes a key), so plain blocking calls are enough.
/// </summary>
internal sealed class PostgresXmlRepository(string connectionString) : IXmlRepository
{
    private const string Table = "negotiationgame_data_protection_keys";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"SELECT xml FROM {Table} ORDER BY id", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"INSERT INTO {Table} (friendly_name, xml) VALUES ($1, $2)", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = friendlyName });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }
}
