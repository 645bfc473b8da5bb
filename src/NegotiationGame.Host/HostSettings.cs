namespace NegotiationGame.Host;

/// <summary>The "NegotiationGame" section of configuration (appsettings.json, environment, command line).</summary>
public sealed class HostSettings
{
    public const string Section = "NegotiationGame";

    /// <summary>The SQLite file that holds every game, class and deadline (the embedded default's durable store).</summary>
    public string DataPath { get; set; } = "data/negotiationgame.db";

    /// <summary>Orleans silo-to-silo port on localhost; 0 picks a free one.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans client gateway port on localhost; 0 picks a free one.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The addresses browsers reach the cluster's nodes at (or one load balancer's), served to the web UI so that it
    /// reconnects to another node when its own dies. Empty: the UI only ever reconnects to the page's own origin.
    /// </summary>
    public string[] NodeUrls { get; set; } = [];

    /// <summary>How long an instructor, player or spectator token stays valid after it was issued.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long a download link lasts: long enough to click it, too short to be worth leaking.</summary>
    public TimeSpan DownloadTicketLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
