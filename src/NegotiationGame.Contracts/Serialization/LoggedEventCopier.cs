using NegotiationGame.Storage;
using Orleans.Serialization.Cloning;

namespace NegotiationGame.Contracts.Serialization;

/// <summary>
/// Lets calls inside one silo pass a <see cref="LoggedEvent"/> as it is: the record is immutable, and without this
/// every local call would copy each entry through its surrogate.
/// </summary>
[RegisterCopier]
public sealed class LoggedEventCopier : IDeepCopier<LoggedEvent>, IOptionalDeepCopier
{
    public LoggedEvent? DeepCopy(LoggedEvent? input, CopyContext context) => input;

    public bool IsShallowCopyable() => true;
}
