namespace NegotiationGame.Contracts.Classes;

/// <summary>Where a student's request to be seated stands.</summary>
[GenerateSerializer]
[Alias("ng.SeatRequestStatus")]
public enum SeatRequestStatus
{
    Pending = 0,
    Approved = 1,
    Denied = 2,
}
