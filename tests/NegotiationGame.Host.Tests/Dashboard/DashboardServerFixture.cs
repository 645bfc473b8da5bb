namespace NegotiationGame.Host.Tests.Dashboard;

/// <summary>The server with the Orleans dashboard turned on by an operator key.</summary>
public class DashboardServerFixture : ServerFixture
{
    public const string OperatorKey = "test-operator-key-0123456789";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["NegotiationGame:Dashboard:OperatorKey"] = OperatorKey,
    };
}

/// <summary>The same, with a dashboard rate limit small enough to spend in a test.</summary>
public sealed class LimitedDashboardServerFixture : DashboardServerFixture
{
    public const int Burst = 5;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>(base.Settings)
    {
        ["NegotiationGame:Limits:DashboardPerAddress:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["NegotiationGame:Limits:DashboardPerAddress:RefillEvery"] = "01:00:00",
    };
}
