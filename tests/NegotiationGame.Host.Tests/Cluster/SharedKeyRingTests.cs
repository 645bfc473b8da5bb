using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using NegotiationGame.Host.Cluster;
using NegotiationGame.Storage.Postgres;
using NegotiationGame.Tests;

namespace NegotiationGame.Host.Tests.Cluster;

/// <summary>Nodes of a fresh cluster that start together agree on one first key, so each accepts what the others sign.</summary>
public sealed class SharedKeyRingTests
{
    [Fact]
    public async Task Nodes_starting_together_on_an_empty_ring_create_one_key_and_read_each_others_tokens()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await PostgresSchema.MigrateAsync(database.ConnectionString);
        var nodes = Enumerable.Range(0, 3).Select(_ => Node(database.ConnectionString)).ToArray();
        try
        {
            await Task.WhenAll(nodes.Select(node => Task.Run(() =>
                SharedKeyRing.EnsureKeyAsync(database.ConnectionString, node.GetRequiredService<IKeyManager>(), TimeProvider.System))));
            await SharedKeyRing.EnsureKeyAsync(database.ConnectionString, nodes[0].GetRequiredService<IKeyManager>(), TimeProvider.System);

            Assert.Equal(1L, await database.ExecuteAsync("SELECT count(*) FROM negotiationgame_data_protection_keys"));
            var signed = Protector(nodes[0]).Protect("a student's token");
            Assert.All(nodes, node => Assert.Equal("a student's token", Protector(node).Unprotect(signed)));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static ServiceProvider Node(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("NegotiationGame")
            .AddKeyManagementOptions(keys => keys.XmlRepository = new PostgresXmlRepository(connectionString));
        return services.BuildServiceProvider();
    }

    private static IDataProtector Protector(IServiceProvider node) =>
        node.GetRequiredService<IDataProtectionProvider>().CreateProtector("tests");
}
