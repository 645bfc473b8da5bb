using NegotiationGame.Storage;

namespace NegotiationGame.Contracts.Serialization;

/// <summary>Turns a <see cref="LoggedEvent"/> into its surrogate for the wire and back.</summary>
[RegisterConverter]
public sealed class LoggedEventConverter : IConverter<LoggedEvent, LoggedEventSurrogate>
{
    public LoggedEvent ConvertFromSurrogate(in LoggedEventSurrogate surrogate) =>
        new(surrogate.Sequence, surrogate.At, surrogate.CommandId, surrogate.Type, surrogate.Data);

    public LoggedEventSurrogate ConvertToSurrogate(in LoggedEvent value) =>
        new(value.Sequence, value.At, value.CommandId, value.Type, value.Data);
}
