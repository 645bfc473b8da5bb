using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using NegotiationGame.Host;
using NegotiationGame.Host.Access;
using NegotiationGame.Host.Dashboard;
using NegotiationGame.Host.Health;
using NegotiationGame.Host.Hubs;
using NegotiationGame.Host.Limits;
using NegotiationGame.Host.Relay;
using NegotiationGame.Host.Scenarios;
using NegotiationGame.Host.Telemetry;

var builder = WebApplication.CreateBuilder(args);
HostSettings settings;
HostBackend backend;
bool inlineSocketCompletions;
try
{
    settings = HostSettings.From(builder.Configuration);
    // Before the store opens: the runtime reads this switch when the first socket does asynchronous work.
    inlineSocketCompletions = InlineSocketCompletions.PreferUnlessSet(settings.Mode);
    builder.AddOperatorDashboard();
    backend = await HostBackend.OpenAsync(builder.Configuration, settings);
}
catch (StartupRefusedException refused)
{
    Console.Error.WriteLine(refused.Message);
    return 1;
}

// SIGTERM must end the process within 10 s; what is still stopping after 8 s is abandoned. Nothing acknowledged is
// lost by that: an append is acknowledged only once it is on disk, and the store is closed after the host in any case.
// The services stop side by side, so that the silo has the whole 8 s to hand its games over and leave the cluster
// gracefully: stopped one after the other, it came last, after the web server and the relay, whose goodbyes to games
// on a silo that was stopping too (the whole cluster going down at once) could take all of it.
builder.Services.Configure<HostOptions>(host =>
{
    host.ShutdownTimeout = HostShutdown.Timeout;
    host.ServicesStopConcurrently = true;
});

builder.UseOrleans(backend.ConfigureSilo);
builder.AddTelemetry();
backend.ConfigureKeyRing(builder.Services.AddDataProtection().SetApplicationName("NegotiationGame"));
builder.Services.AddSingleton(settings);
builder.Services.AddSingleton<TokenService>();
builder.Services.AddSingleton<ConnectionGrants>();
builder.Services.Configure<FanoutSettings>(builder.Configuration.GetSection(FanoutSettings.Section));
builder.Services.AddKeyedSingleton(FanoutSettings.ClockKey, TimeProvider.System);
builder.Services.AddSingleton<IConnectionSender, SignalRConnectionSender>();
builder.Services.AddSingleton<GameEventRelay>();
builder.Services.AddSingleton<GameWatch>();
builder.Services.AddSingleton<DebriefBuilder>();
builder.Services.AddClassScenarios(backend.ScenarioLibrary);
builder.Services.AddSingleton<GameScenarios>();
builder.Services.AddHostedService(services => services.GetRequiredService<GameEventRelay>());
builder.Services.AddSingleton<ClassFeeds>();
builder.Services.AddHostedService(services => services.GetRequiredService<ClassFeeds>());
builder.Services.AddHostedService<SiloDeathWatch>();
var limits = builder.Configuration.GetSection(AbuseLimits.Section).Get<AbuseLimits>() ?? new AbuseLimits();
builder.Services.AddSingleton(limits);
builder.Services.AddSingleton<CallLimiter>();
builder.Services.AddSingleton<RateLimitFilter>();
builder.Services.AddSingleton<HubErrorFilter>();
builder.Services.AddSignalR(hub =>
{
    hub.MaximumReceiveMessageSize = 64 * 1024;
    hub.AddFilter<RateLimitFilter>();
    hub.AddFilter<HubErrorFilter>();
});
builder.Services.AddHttpRateLimits(limits);
builder.Services.AddHealth(backend);

var nodes = NodeList.From(settings);
var app = builder.Build();
app.UseSecurityHeaders(nodes);
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRateLimiter();
var fanout = app.Services.GetRequiredService<IOptions<FanoutSettings>>().Value;
app.MapHub<GameHub>("/hubs/game", connection =>
{
    // Bounds what SignalR buffers per connection; past it, sends wait and the connection's outbox fills (see Relay).
    connection.ApplicationMaxBufferSize = fanout.TransportBufferBytes;
    connection.TransportMaxBufferSize = fanout.TransportBufferBytes;
}).RequireRateLimiting(HttpRateLimits.Connections);
app.MapHealth();
app.MapTelemetry();
app.MapNodeList(nodes);
app.MapExports();
app.MapOperatorDashboard();

InlineSocketCompletions.Report(app.Services.GetRequiredService<ILoggerFactory>(), inlineSocketCompletions);
await backend.PrepareAsync(app.Services);
await app.RunAsync();
await backend.DisposeAsync();
return 0;

/// <summary>The server's entry point; public so that tests can host it (WebApplicationFactory).</summary>
public partial class Program;
