namespace NegotiationGame.Host.Tests.Limits;

/// <summary>A server whose limits are tiny and refill once an hour, so that a test reaches each limit in a few calls.</summary>
public abstract class LimitedServer(params (string Limit, int Burst)[] limits) : ServerFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = limits
        .SelectMany(limit => new[]
        {
            KeyValuePair.Create($"NegotiationGame:Limits:{limit.Limit}:Burst", limit.Burst.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            KeyValuePair.Create($"NegotiationGame:Limits:{limit.Limit}:RefillEvery", "01:00:00"),
        })
        .ToDictionary();
}

public sealed class CreateClassLimitedServer() : LimitedServer(("CreateClassPerConnection", 2), ("CreateClassPerAddress", 3), ("DownloadsPerAddress", 2));

public sealed class JoinLimitedServer() : LimitedServer(("FailedJoinsPerAddress", 3));

public sealed class CommandLimitedServer() : LimitedServer(("CommandsPerConnection", 5));

public sealed class ConnectionLimitedServer() : LimitedServer(("ConnectionsPerAddress", 4));
