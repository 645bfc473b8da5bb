// @ts-check
// The shapes the web UI gets from the hub (docs/protocol.md), for the type check and the reader. No code.

/**
 * One event of a game's log, as the hub pushes it (`gameEvent`) or returns it from `watch`; `data` arrives as JSON text.
 * @typedef {object} RawGameEvent
 * @property {string} gameId
 * @property {number} sequence 1, 2, 3… within the game, without gaps
 * @property {string} type e.g. "OfferTabled" (docs/protocol.md "Events")
 * @property {string} at ISO time
 * @property {string | Record<string, any>} [data]
 */

/**
 * An event whose data the page has parsed (net/event-stream.js withData).
 * @typedef {Omit<RawGameEvent, "data"> & { data: Record<string, any> }} GameEvent
 */

/**
 * @typedef {object} HubError
 * @property {string} code e.g. "Unauthorized", "GameNotFound", "ConnectionError"
 * @property {string} [message]
 */

/**
 * What every hub method answers; the other properties depend on the method.
 * @typedef {{ ok: boolean, error?: HubError } & Record<string, any>} HubReply
 */

/**
 * @callback HubCall
 * @param {string} method
 * @param {object} args
 * @returns {Promise<HubReply>}
 */

/**
 * A game's state in brief (`watch`, `getClass`).
 * @typedef {object} GameSummary
 * @property {string} [gameId]
 * @property {"Lobby" | "Briefing" | "Negotiation" | "Ended"} phase
 * @property {number} round
 * @property {number} lastSequence
 * @property {Record<string, number>} [scores]
 * @property {string | null} [deadline] ISO time
 * @property {boolean} [paused]
 * @property {number} [spectators]
 */

/** @typedef {{ id: string, name: string, leader?: string, colour?: string }} ScenarioParty */
/** @typedef {{ id: string, label: string, alsoRequires?: string[] }} IssueOption */

/**
 * @typedef {object} ScenarioIssue
 * @property {string} id
 * @property {string} name
 * @property {string} [group]
 * @property {string} [description]
 * @property {string} noDeal the option that holds while nothing is agreed
 * @property {string[]} signatories
 * @property {IssueOption[]} options
 * @property {{ points: [number, number][] }} [map] its region on the group's schematic map (docs/scenario-format.md)
 */

/**
 * The scenario as every player may see it.
 * @typedef {object} PublicScenario
 * @property {string} id
 * @property {string} title
 * @property {string} publicBackground
 * @property {number} rounds
 * @property {ScenarioParty[]} parties
 * @property {ScenarioIssue[]} issues
 */

/** @typedef {Record<string, string>} OfferPackage issue id → option id */

/**
 * @typedef {object} InboxOffer
 * @property {number} offerId
 * @property {string} proposer
 * @property {OfferPackage} package
 * @property {string[]} addressees
 * @property {string[]} acceptedBy
 * @property {number} myUtility
 * @property {boolean} crossesMyRedLine
 * @property {boolean} needsMyAnswer
 */

/**
 * @typedef {object} Settlement
 * @property {string} issueId
 * @property {string} optionId
 * @property {number} agreementId
 * @property {boolean} binding
 * @property {string[]} signatories
 * @property {string[]} stillMustSign
 */

/**
 * A party's confidential view of its game (`getView`).
 * @typedef {object} GameView
 * @property {string} gameId
 * @property {string} partyId
 * @property {string} name
 * @property {string} leader
 * @property {string} confidentialBriefing
 * @property {number} reservation
 * @property {Record<string, number>} weights issue id → weight in percent
 * @property {Record<string, Record<string, number>>} values issue id → option id → value 0…100
 * @property {string[]} redLines "issue/option"
 * @property {InboxOffer[]} inbox
 * @property {number[]} agreementsAwaitingSignature
 * @property {number} utilityOfWhatBinds
 * @property {string | null} bot
 * @property {Settlement[]} settlements
 */

/**
 * The seat this browser holds for a student (store "player").
 * @typedef {object} Seat
 * @property {string} token
 * @property {string} gameId
 * @property {string} partyId
 * @property {string} seatId
 * @property {string} name
 * @property {string} [classId] absent in seats kept before seats had secrets
 */

/**
 * What this browser keeps to get a seat back (seats.js, store "seat:<classId>"); the secret never leaves it but
 * for rejoinClass.
 * @typedef {object} SeatKey
 * @property {string} seatId
 * @property {string} seatSecret
 * @property {string} name
 */

/**
 * A seat request waiting for the instructor (seats.js, store "seat-request:<classId>").
 * @typedef {object} PendingSeatRequest
 * @property {string} requestId
 * @property {string} requestSecret
 * @property {string} name
 * @property {string} code
 */

/**
 * What the instructor's browser keeps of a class (store "instructor").
 * @typedef {object} InstructorClass
 * @property {string} classId
 * @property {string} instructorToken
 * @property {string[]} [gameIds]
 * @property {string} [lobbyCode]
 * @property {object[]} [joinCodes]
 * @property {Record<string, string>} [spectatorTokens] game id → spectator token
 * @property {string} [title]
 */

/**
 * The clock as a page follows it (game/clock.js).
 * @typedef {object} Clock
 * @property {GameSummary["phase"]} phase
 * @property {number} round
 * @property {boolean} paused
 * @property {number | null} remaining seconds left while paused
 * @property {number | null} deadline epoch milliseconds
 * @property {Record<string, number>} scores
 */

/**
 * An offer's public life, folded from the events (game/offers.js).
 * @typedef {object} TrackedOffer
 * @property {number} offerId
 * @property {string} proposer
 * @property {string[]} addressees
 * @property {OfferPackage} package
 * @property {"open" | "rejected" | "withdrawn" | "expired" | "agreement"} status
 * @property {string[]} acceptedBy
 * @property {string[]} signedBy
 * @property {string[]} binding issue ids that bind
 * @property {string} [rejectedBy]
 * @property {boolean} [agreement]
 * @property {number | null} [counterTo] the offer it counters
 */

/**
 * How a page names parties, issues and options (game/names.js).
 * @typedef {object} Names
 * @property {(partyId: string) => string} party
 * @property {(issueId: string) => string} issue
 * @property {(issueId: string, optionId: string) => string} option
 * @property {(issueId: string) => number} issueRank the place in the scenario (0 for all before it is known)
 */

/**
 * What a game stream tells its page.
 * @typedef {object} StreamHandlers
 * @property {(e: GameEvent, fresh: boolean) => void} onEvent fresh: not yet folded into the last summary
 * @property {(summary: GameSummary | undefined, scenario: PublicScenario | undefined, spectatorDelaySeconds: number | undefined) => void} [onSummary]
 * @property {(error: HubError | undefined) => void} [onError]
 * @property {(ended: WatchEnded) => void} [onEnded] the server ended the watch: the token's seat changed
 */

/**
 * The server's `watchEnded` push (docs/protocol.md): the last message of a game to a connection whose seat changed.
 * @typedef {object} WatchEnded
 * @property {string} gameId
 * @property {"seatMoved" | "seatHandedOn" | "seatReleased"} reason
 * @property {string} message for people
 */

export {};

/** @typedef {{ options: OfferPackage, utilities: Record<string, number> }} EndScreenPoint a point of the outcome space */
/** @typedef {{ gameId: string, own: boolean, roleScore: number, welfare: number }} EndScreenClassGame an ended game of the class */

/**
 * getEndScreen's reply (docs/protocol.md): the other parties' material only when \`revealed\`.
 * @typedef {object} EndScreen
 * @property {string} gameId
 * @property {string} partyId
 * @property {PublicScenario} scenario
 * @property {string | null} ended
 * @property {number} score
 * @property {number} reservation
 * @property {{ issue: string, option: string }[]} binding in the scenario's order of issues
 * @property {Record<string, number>} scores
 * @property {number} welfare
 * @property {boolean} revealed
 * @property {{ partyId: string, reservation: number, briefing: string }[]} others
 * @property {{ frontier: Record<string, number>[], nash: EndScreenPoint | null, utilities: Record<string, number>, paretoOptimal: boolean, distanceToNash: number | null } | null} analysis
 * @property {EndScreenClassGame[]} classGames
 */
