using System.Text.Json.Nodes;

namespace NegotiationGame.Host.Tests.Runtime;

/// <summary>What the runtime reads before the server's first line runs: the runtimeconfig.json beside the server.</summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public void The_server_asks_the_garbage_collector_to_conserve_memory_under_its_server_mode()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "negotiationgame-server.runtimeconfig.json");
        var properties = JsonNode.Parse(File.ReadAllText(path))!["runtimeOptions"]!["configProperties"]!;

        Assert.True(properties["System.GC.Server"]!.GetValue<bool>());
        Assert.Equal("7", properties["System.GC.ConserveMemory"]!.ToString());
    }
}
