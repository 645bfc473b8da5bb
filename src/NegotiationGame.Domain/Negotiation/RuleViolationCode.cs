namespace NegotiationGame.Domain.Negotiation;

/// <summary>
/// Why a command was refused. The names are the stable error codes of the protocol (docs/protocol.md): never
/// rename one, only add.
/// </summary>
public enum RuleViolationCode
{
    GameNotStarted,
    GameAlreadyEnded,
    WrongPhase,
    UnknownParty,
    PartyHasWalkedAway,
    EmptyPackage,
    UnknownIssue,
    UnknownOption,
    NoAddressees,
    AddressedToSelf,
    InvalidExpiry,
    OfferNotFound,
    OfferNotOpen,
    CannotAnswerOwnOffer,
    NotPartyToOffer,
    AlreadyAccepted,
    NotProposer,
    AgreementNotFound,
    SignatureNotNeeded,
    GamePaused,
    ClockAlreadyPaused,
    ClockNotPaused,
    NoDeadline,
    InvalidExtension,
    DeadlineNotReached,
    InvalidNews,
    InvalidMessage,
    InvalidSchedule,
    ScheduledNewsNotFound,
}
