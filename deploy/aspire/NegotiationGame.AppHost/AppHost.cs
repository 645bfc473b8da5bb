// The cluster for a developer's machine: PostgreSQL in a container, the schema migrated by the command line, then
// three silos of the server on that database, each with its own HTTP, silo and gateway ports.
var builder = DistributedApplication.CreateBuilder(args);

var database = builder.AddPostgres("postgres").AddDatabase("negotiationgame");

var migrate = builder.AddProject<Projects.NegotiationGame_Cli>("migrate")
    .WithArgs(context =>
    {
        context.Args.Add("migrate");
        context.Args.Add("--connection");
        context.Args.Add(database.Resource.ConnectionStringExpression);
    })
    .WaitFor(database);

for (var node = 1; node <= 3; node++)
{
    builder.AddProject<Projects.NegotiationGame_Host>($"silo{node}")
        .WithReference(database, connectionName: "NegotiationGame")
        .WithEnvironment("NegotiationGame__Mode", "Cluster")
        .WithEnvironment("NegotiationGame__AdvertisedAddress", "127.0.0.1")
        .WithEnvironment("NegotiationGame__SiloPort", (11110 + node).ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithEnvironment("NegotiationGame__GatewayPort", (30000 + node).ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WaitForCompletion(migrate);
}

builder.Build().Run();
