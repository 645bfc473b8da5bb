namespace NegotiationGame.Host;

/// <summary>The "NegotiationGame" section of configuration (appsettings.json, environment, command line).</summary>
public sealed class HostSettings
{
    public const string Section = "NegotiationGame";

    /// <summary>Reads the section; a value that does not convert (a mode misspelt) refuses start-up with the binder's one line.</summary>
    public static HostSettings From(IConfiguration configuration)
    {
        try
        {
            return configuration.GetSection(Section).Get<HostSettings>() ?? new HostSettings();
        }
        catch (InvalidOperationException exception)
        {
            throw new StartupRefusedException(exception.Message, exception);
        }
    }

    /// <summary>Embedded (the default: one process, SQLite) or Cluster (one node of several on PostgreSQL).</summary>
    public HostMode Mode { get; set; } = HostMode.Embedded;

    /// <summary>Cluster mode: the Orleans cluster this node joins; nodes with the same id on one database form one cluster.</summary>
    public string ClusterId { get; set; } = "negotiationgame";

    /// <summary>Cluster mode: the Orleans service id, stable across deployments of the same installation.</summary>
    public string ServiceId { get; set; } = "negotiationgame";

    /// <summary>Cluster mode: the IP address the other nodes reach this one at (127.0.0.1 when all run on one machine); required there.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>The SQLite file that holds every game, class and deadline (the embedded default's durable store); unused in cluster mode.</summary>
    public string DataPath { get; set; } = "data/negotiationgame.db";

    /// <summary>Orleans silo-to-silo port (on localhost when embedded, on every interface in cluster mode); 0 picks a free one.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans client gateway port (on localhost when embedded, on every interface in cluster mode); 0 picks a free one.</summary>
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
