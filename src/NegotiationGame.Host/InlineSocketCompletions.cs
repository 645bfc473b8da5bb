using System.Reflection;

namespace NegotiationGame.Host;

/// <summary>
/// Lets an embedded server's runtime complete socket operations on its own I/O thread instead of handing each
/// completion to the thread pool. Every command arrives through a socket completion, and so does every send that had
/// to wait, so on a small machine the hand-off is a sizeable share of the work: on two cores it gave 6 % more commands
/// a second at 8 % less CPU for each (docs/performance.md, sittings 15 and 16). It is safe there because nothing slow
/// runs on a socket completion: the hub's own work is short, awaits the grains, and sends what is heavy (a scenario's
/// check, an import) to the thread pool. A cluster node also reads its silos' messages and PostgreSQL's answers from
/// sockets, and with inline completions a three-node cluster stalled for whole seconds (sitting 18), so a node is left
/// as .NET starts it.
/// </summary>
/// <remarks>
/// The runtime reads the switch once, from the environment, when the first socket does asynchronous work, and offers
/// no API for it; so it is set before the server opens its store. An operator who sets the variable (to <c>0</c> or
/// <c>1</c>) keeps that value, in either mode.
/// </remarks>
public static partial class InlineSocketCompletions
{
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>
    /// Sets the switch on for an embedded server unless the environment already names a value; says whether
    /// completions run inline.
    /// </summary>
    public static bool PreferUnlessSet(HostMode mode, Func<string, string?> read, Action<string, string> write)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(write);
        if (read(Variable) is { } chosen)
        {
            return chosen == "1";
        }

        if (mode != HostMode.Embedded)
        {
            return false;
        }

        write(Variable, "1");
        return true;
    }

    /// <summary>
    /// The same, on this process's own environment, when the process is the server's own. The switch belongs to the
    /// whole process: a test host that runs the server inside itself keeps the way its own sockets already run.
    /// </summary>
    public static bool PreferUnlessSet(HostMode mode) =>
        Assembly.GetEntryAssembly() == typeof(InlineSocketCompletions).Assembly
            ? PreferUnlessSet(mode, Environment.GetEnvironmentVariable, (name, value) => Environment.SetEnvironmentVariable(name, value))
            : Environment.GetEnvironmentVariable(Variable) == "1";

    /// <summary>Says at start which way socket completions run, so that an operator comparing nodes can tell.</summary>
    public static void Report(ILoggerFactory loggers, bool inline)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        var logger = loggers.CreateLogger(typeof(InlineSocketCompletions).FullName!);
        if (inline)
        {
            LogInline(logger, Variable);
        }
        else
        {
            LogDispatched(logger, Variable);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket completions run inline on the runtime's I/O thread ({Variable}=1)")]
    private static partial void LogInline(ILogger logger, string variable);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket completions are handed to the thread pool ({Variable} is not 1)")]
    private static partial void LogDispatched(ILogger logger, string variable);
}
