using NegotiationGame.Domain.Bots;

namespace NegotiationGame.EventLog;

/// <summary>The names of bot strategies on the wire and on the command line.</summary>
public static class BotStrategyNames
{
    public static string ToName(BotStrategy strategy) => strategy switch
    {
        BotStrategy.Boulware => "boulware",
        BotStrategy.Conceder => "conceder",
        BotStrategy.Linear => "linear",
        _ => "tit-for-tat",
    };

    public static bool TryParse(string name, out BotStrategy strategy)
    {
        foreach (var candidate in Enum.GetValues<BotStrategy>())
        {
            if (string.Equals(ToName(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                strategy = candidate;
                return true;
            }
        }

        strategy = default;
        return false;
    }
}
