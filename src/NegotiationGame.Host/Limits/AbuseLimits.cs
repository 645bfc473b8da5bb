namespace NegotiationGame.Host.Limits;

/// <summary>
/// The "NegotiationGame:Limits" section: how much one connection or one client address may ask of the server. The
/// defaults let a class of 200 students behind one NAT address join within a minute and play, while a script gets
/// nowhere: it may not mint classes, guess join codes or flood commands. docs/security.md lists every limit.
/// </summary>
public sealed class AbuseLimits
{
    public const string Section = "NegotiationGame:Limits";

    /// <summary>Every hub call of one connection.</summary>
    public TokenBucket CallsPerConnection { get; set; } = new(100, TimeSpan.FromMilliseconds(50));

    /// <summary><c>act</c> and <c>instruct</c> of one connection.</summary>
    public TokenBucket CommandsPerConnection { get; set; } = new(20, TimeSpan.FromMilliseconds(200));

    public TokenBucket CreateClassPerConnection { get; set; } = new(3, TimeSpan.FromMinutes(1));

    public TokenBucket CreateClassPerAddress { get; set; } = new(20, TimeSpan.FromMinutes(2));

    /// <summary>
    /// Scenario files sent from one address (createClass with a file, uploadScenario, importGenius): each may cost
    /// seconds of a core for its analytics.
    /// </summary>
    public TokenBucket UploadsPerAddress { get; set; } = new(10, TimeSpan.FromMinutes(1));

    /// <summary>How many uploaded scenarios the server's library keeps; past it, files still play but are not kept.</summary>
    public int ScenarioLibraryEntries { get; set; } = 500;

    public TokenBucket JoinPerAddress { get; set; } = new(300, TimeSpan.FromMilliseconds(200));

    public TokenBucket JoinPerClass { get; set; } = new(400, TimeSpan.FromMilliseconds(100));

    /// <summary>Joins with a code that is not the class's: once spent, the address waits before it may try again.</summary>
    public TokenBucket FailedJoinsPerAddress { get; set; } = new(20, TimeSpan.FromSeconds(10));

    /// <summary>New connections (SignalR negotiate and connect) from one address.</summary>
    public TokenBucket ConnectionsPerAddress { get; set; } = new(400, TimeSpan.FromMilliseconds(100));

    /// <summary>Downloads (logs, summaries) from one address.</summary>
    public TokenBucket DownloadsPerAddress { get; set; } = new(60, TimeSpan.FromSeconds(1));

    /// <summary>Requests to the Orleans dashboard (its page, assets and the data it polls), right key or wrong, from one address.</summary>
    public TokenBucket DashboardPerAddress { get; set; } = new(100, TimeSpan.FromMilliseconds(100));
}

/// <summary>A token bucket: <see cref="Burst"/> calls at once, then one more every <see cref="RefillEvery"/>.</summary>
public sealed class TokenBucket
{
    public TokenBucket()
    {
    }

    public TokenBucket(int burst, TimeSpan refillEvery)
    {
        Burst = burst;
        RefillEvery = refillEvery;
    }

    public int Burst { get; set; } = 1;

    public TimeSpan RefillEvery { get; set; } = TimeSpan.FromSeconds(1);
}
