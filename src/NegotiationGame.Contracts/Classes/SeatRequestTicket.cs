namespace NegotiationGame.Contracts.Classes;

/// <summary>
/// A request the class took (<see cref="Request"/>), with the secret only its requester holds and must show to
/// collect the answer; or why it took none (<see cref="ErrorCode"/>: UnknownCode, InvalidName, ClassFull).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.SeatRequestTicket")]
public sealed record SeatRequestTicket(
    [property: Id(0)] SeatRequest? Request,
    [property: Id(1)] string? RequestSecret,
    [property: Id(2)] string? ErrorCode,
    [property: Id(3)] string? ErrorMessage);
