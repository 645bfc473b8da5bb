using System.Buffers;
using System.Text;
using System.Text.Json;
using NegotiationGame.Domain.Bots;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Negotiation.Events;
using NegotiationGame.Domain.Outcomes;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.EventLog;

/// <summary>
/// Writes the core's events as JSON that names parties, issues and options by id (what clients, exports and the
/// store see) and reads them back exactly. Docs: docs/protocol.md, "Events".
/// </summary>
public sealed class GameEventCodec(Scenario scenario)
{
    private static readonly JsonEncodedText OfferIdName = JsonEncodedText.Encode("offerId");
    private static readonly JsonEncodedText PartyName = JsonEncodedText.Encode("party");
    private static readonly JsonEncodedText ProposerName = JsonEncodedText.Encode("proposer");
    private static readonly JsonEncodedText PackageName = JsonEncodedText.Encode("package");
    private static readonly JsonEncodedText AddresseesName = JsonEncodedText.Encode("addressees");
    private static readonly JsonEncodedText ExpiresAtRoundName = JsonEncodedText.Encode("expiresAtRound");
    private static readonly JsonEncodedText CounterToName = JsonEncodedText.Encode("counterTo");
    private static readonly JsonEncodedText SignatoriesName = JsonEncodedText.Encode("signatories");
    private static readonly JsonEncodedText ChannelName = JsonEncodedText.Encode("channel");

    // Every command of every game encodes its events here, so each thread keeps one buffer and one writer.
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Json)? _threadWriter;

    private readonly ScenarioJsonIds _ids = ScenarioJsonIds.For(scenario);

    public Scenario Scenario { get; } = scenario;

    public (string Type, string Data) Encode(GameEvent gameEvent)
    {
        ArgumentNullException.ThrowIfNull(gameEvent);
        var (buffer, json) = _threadWriter ??= CreateWriter();
        buffer.ResetWrittenCount();
        json.Reset();
        json.WriteStartObject();
        switch (gameEvent)
        {
            case RoundAdvanced advanced:
                json.WriteNumber("round", advanced.Round);
                break;
            case OfferTabled tabled:
                json.WriteNumber(OfferIdName, tabled.OfferId);
                json.WriteString(ProposerName, _ids.Party(tabled.Proposer));
                WritePackage(json, PackageName, tabled.Package);
                WriteParties(json, AddresseesName, tabled.Addressees);
                WriteOptionalNumber(json, ExpiresAtRoundName, tabled.ExpiresAtRound);
                WriteOptionalNumber(json, CounterToName, tabled.CounterTo);
                break;
            case OfferAccepted accepted:
                json.WriteNumber(OfferIdName, accepted.OfferId);
                json.WriteString(PartyName, _ids.Party(accepted.Party));
                break;
            case OfferRejected rejected:
                json.WriteNumber(OfferIdName, rejected.OfferId);
                json.WriteString(PartyName, _ids.Party(rejected.Party));
                break;
            case OfferWithdrawn withdrawn:
                json.WriteNumber(OfferIdName, withdrawn.OfferId);
                break;
            case OfferExpired expired:
                json.WriteNumber(OfferIdName, expired.OfferId);
                break;
            case AgreementConcluded concluded:
                json.WriteNumber("agreementId", concluded.AgreementId);
                WriteParties(json, SignatoriesName, concluded.Signatories);
                WriteIssues(json, "bindingIssues", concluded.BindingIssueMask);
                break;
            case AgreementSigned signed:
                json.WriteNumber("agreementId", signed.AgreementId);
                json.WriteString(PartyName, _ids.Party(signed.Party));
                WriteIssues(json, "newlyBindingIssues", signed.NewlyBindingIssueMask);
                break;
            case PartyWalkedAway walkedAway:
                json.WriteString(PartyName, _ids.Party(walkedAway.Party));
                break;
            case GameEnded ended:
                json.WriteString("reason", JsonNamingPolicy.CamelCase.ConvertName(ended.Reason.ToString()));
                json.WriteStartObject("scores");
                foreach (var party in Scenario.Parties)
                {
                    json.WriteNumber(party.Id, ended.Scores[party.Index]);
                }

                json.WriteEndObject();
                break;
            case DeadlineSet set:
                json.WriteString("deadline", set.Deadline);
                break;
            case ClockPaused paused:
                WriteOptionalSeconds(json, "remainingSeconds", paused.Remaining);
                break;
            case ClockResumed resumed:
                if (resumed.Deadline is { } deadline)
                {
                    json.WriteString("deadline", deadline);
                }
                else
                {
                    json.WriteNull("deadline");
                }

                break;
            case DeadlineExtended extended:
                WriteOptionalSeconds(json, "bySeconds", extended.By);
                break;
            case StatementMade statement:
                json.WriteString(PartyName, _ids.Party(statement.Party));
                json.WriteString("text", statement.Text);
                break;
            case MessageSent message:
                json.WriteString(PartyName, _ids.Party(message.Party));
                WriteParties(json, ChannelName, message.Channel);
                json.WriteString("text", message.Text);
                break;
            case NewsInjected news:
                json.WriteString("headline", news.Headline);
                json.WriteString("body", news.Body);
                break;
            case NewsScheduled scheduled:
                json.WriteNumber("round", scheduled.Round);
                json.WriteString("headline", scheduled.Headline);
                json.WriteString("body", scheduled.Body);
                break;
            case ScheduledNewsCancelled cancelled:
                json.WriteNumber("round", cancelled.Round);
                json.WriteString("headline", cancelled.Headline);
                break;
            case PlayerChanged changed:
                json.WriteString(PartyName, _ids.Party(changed.Party));
                if (changed.Bot is { } bot)
                {
                    json.WriteString("bot", BotStrategyNames.ToName(bot));
                }
                else
                {
                    json.WriteNull("bot");
                }

                break;
            case BriefingStarted or NegotiationStarted or DeadlinePassed:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(gameEvent), gameEvent.GetType().Name, "Unknown event.");
        }

        json.WriteEndObject();
        json.Flush();

        return (gameEvent.GetType().Name, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>Reads an event back; throws <see cref="FormatException"/> for a type or field it does not know.</summary>
    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) CreateWriter()
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        return (buffer, new Utf8JsonWriter(buffer));
    }

    public GameEvent Decode(string type, string data)
    {
        using var document = JsonDocument.Parse(data);
        var json = document.RootElement;
        try
        {
            return type switch
            {
                nameof(BriefingStarted) => new BriefingStarted(),
                nameof(NegotiationStarted) => new NegotiationStarted(),
                nameof(RoundAdvanced) => new RoundAdvanced(json.GetProperty("round").GetInt32()),
                nameof(OfferTabled) => new OfferTabled(
                    json.GetProperty("offerId").GetInt32(),
                    PartyIndex(json.GetProperty("proposer")),
                    ReadPackage(json.GetProperty("package")),
                    ReadParties(json.GetProperty("addressees")),
                    OptionalNumber(json, "expiresAtRound"),
                    OptionalNumber(json, "counterTo")),
                nameof(OfferAccepted) => new OfferAccepted(json.GetProperty("offerId").GetInt32(), PartyIndex(json.GetProperty("party"))),
                nameof(OfferRejected) => new OfferRejected(json.GetProperty("offerId").GetInt32(), PartyIndex(json.GetProperty("party"))),
                nameof(OfferWithdrawn) => new OfferWithdrawn(json.GetProperty("offerId").GetInt32()),
                nameof(OfferExpired) => new OfferExpired(json.GetProperty("offerId").GetInt32()),
                nameof(AgreementConcluded) => new AgreementConcluded(
                    json.GetProperty("agreementId").GetInt32(),
                    ReadParties(json.GetProperty("signatories")),
                    ReadIssues(json.GetProperty("bindingIssues"))),
                nameof(AgreementSigned) => new AgreementSigned(
                    json.GetProperty("agreementId").GetInt32(),
                    PartyIndex(json.GetProperty("party")),
                    ReadIssues(json.GetProperty("newlyBindingIssues"))),
                nameof(PartyWalkedAway) => new PartyWalkedAway(PartyIndex(json.GetProperty("party"))),
                nameof(DeadlineSet) => new DeadlineSet(json.GetProperty("deadline").GetDateTimeOffset()),
                nameof(ClockPaused) => new ClockPaused(OptionalSeconds(json, "remainingSeconds")),
                nameof(ClockResumed) => new ClockResumed(json.GetProperty("deadline").ValueKind == JsonValueKind.Null ? null : json.GetProperty("deadline").GetDateTimeOffset()),
                nameof(DeadlineExtended) => new DeadlineExtended(OptionalSeconds(json, "bySeconds") ?? throw new FormatException("No bySeconds.")),
                nameof(DeadlinePassed) => new DeadlinePassed(),
                nameof(StatementMade) => new StatementMade(PartyIndex(json.GetProperty("party")), json.GetProperty("text").GetString()!),
                nameof(MessageSent) => new MessageSent(PartyIndex(json.GetProperty("party")), ReadParties(json.GetProperty("channel")), json.GetProperty("text").GetString()!),
                nameof(NewsInjected) => new NewsInjected(json.GetProperty("headline").GetString()!, json.GetProperty("body").GetString()!),
                nameof(NewsScheduled) => new NewsScheduled(json.GetProperty("round").GetInt32(), json.GetProperty("headline").GetString()!, json.GetProperty("body").GetString()!),
                nameof(ScheduledNewsCancelled) => new ScheduledNewsCancelled(json.GetProperty("round").GetInt32(), json.GetProperty("headline").GetString()!),
                nameof(PlayerChanged) => new PlayerChanged(PartyIndex(json.GetProperty("party")), ReadBot(json.GetProperty("bot"))),
                nameof(GameEnded) => new GameEnded(
                    Enum.Parse<GameEndReason>(json.GetProperty("reason").GetString()!, ignoreCase: true),
                    [.. Scenario.Parties.Select(party => json.GetProperty("scores").GetProperty(party.Id).GetDouble())]),
                _ => throw new FormatException($"Unknown event type '{type}'."),
            };
        }
        catch (Exception exception) when (exception is KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException($"Malformed {type} event: {exception.Message}", exception);
        }
    }

    private static BotStrategy? ReadBot(JsonElement name) =>
        name.ValueKind == JsonValueKind.Null ? null
        : BotStrategyNames.TryParse(name.GetString() ?? string.Empty, out var strategy) ? strategy
        : throw new FormatException($"Unknown bot strategy '{name.GetString()}'.");

    private int PartyIndex(JsonElement id)
    {
        var index = Scenario.PartyIndexOf(id.GetString() ?? string.Empty);
        return index >= 0 ? index : throw new FormatException($"Unknown party '{id.GetString()}'.");
    }

    private void WritePackage(Utf8JsonWriter json, JsonEncodedText name, Package package)
    {
        json.WriteStartObject(name);
        foreach (var issue in package.Issues())
        {
            json.WriteString(_ids.Issue(issue), _ids.Option(issue, package.OptionOf(issue)));
        }

        json.WriteEndObject();
    }

    private Package ReadPackage(JsonElement json)
    {
        var package = Package.Empty;
        foreach (var property in json.EnumerateObject())
        {
            var issue = Scenario.IssueIndexOf(property.Name);
            var option = issue < 0 ? -1 : OptionIndexOf(issue, property.Value.GetString());
            if (option < 0)
            {
                throw new FormatException($"Unknown issue or option '{property.Name}': '{property.Value}'.");
            }

            package = package.With(issue, option);
        }

        return package;
    }

    private int OptionIndexOf(int issue, string? optionId)
    {
        foreach (var option in Scenario.Issues[issue].Options)
        {
            if (option.Id == optionId)
            {
                return option.Index;
            }
        }

        return -1;
    }

    private void WriteParties(Utf8JsonWriter json, JsonEncodedText name, PartySet parties)
    {
        json.WriteStartArray(name);
        foreach (var party in parties.Indices())
        {
            json.WriteStringValue(_ids.Party(party));
        }

        json.WriteEndArray();
    }

    private PartySet ReadParties(JsonElement json) =>
        json.EnumerateArray().Aggregate(PartySet.Empty, (set, id) => set.With(PartyIndex(id)));

    private void WriteIssues(Utf8JsonWriter json, string name, ushort mask)
    {
        json.WriteStartArray(name);
        foreach (var issue in Scenario.Issues)
        {
            if ((mask & (1 << issue.Index)) != 0)
            {
                json.WriteStringValue(issue.Id);
            }
        }

        json.WriteEndArray();
    }

    private ushort ReadIssues(JsonElement json) => (ushort)json.EnumerateArray().Aggregate(0, (mask, id) =>
    {
        var issue = Scenario.IssueIndexOf(id.GetString() ?? string.Empty);
        return issue >= 0 ? mask | (1 << issue) : throw new FormatException($"Unknown issue '{id.GetString()}'.");
    });

    private static void WriteOptionalNumber(Utf8JsonWriter json, JsonEncodedText name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteOptionalSeconds(Utf8JsonWriter json, string name, TimeSpan? value)
    {
        if (value is { } duration)
        {
            json.WriteNumber(name, duration.Ticks / (double)TimeSpan.TicksPerSecond);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static TimeSpan? OptionalSeconds(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? TimeSpan.FromTicks((long)Math.Round(value.GetDouble() * TimeSpan.TicksPerSecond))
            : null;

    private static int? OptionalNumber(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}
