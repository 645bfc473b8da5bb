using System.Collections.Immutable;
using System.Text.Json;
using NegotiationGame.Contracts.Commands;

namespace NegotiationGame.Host.Hubs;

/// <summary>Reads the <c>command</c> objects of <c>act</c> and <c>instruct</c> (docs/protocol.md) into grain commands.</summary>
internal static class CommandReader
{
    public static CommandBody? ReadPartyCommand(JsonElement command) => Text(command, "type") switch
    {
        "table" => new TableOfferBody(Package(command), Parties(command, "addressees") ?? [], Number(command, "expiresAfterRounds")),
        "accept" => Number(command, "offerId") is { } accept ? new AcceptOfferBody(accept) : null,
        "reject" => Number(command, "offerId") is { } reject ? new RejectOfferBody(reject) : null,
        "withdraw" => Number(command, "offerId") is { } withdraw ? new WithdrawOfferBody(withdraw) : null,
        "counter" => Number(command, "offerId") is { } counter
            ? new CounterOfferBody(counter, Package(command), Parties(command, "addressees"), Number(command, "expiresAfterRounds"))
            : null,
        "sign" => Number(command, "agreementId") is { } agreement ? new SignAgreementBody(agreement) : null,
        "walkAway" => new WalkAwayBody(),
        "statement" => Text(command, "text") is { } statement ? new MakeStatementBody(statement) : null,
        "message" => Text(command, "text") is { } message && Parties(command, "channel") is { } channel ? new SendMessageBody(channel, message) : null,
        _ => null,
    };

    public static CommandBody? ReadInstructorCommand(JsonElement command) => Text(command, "type") switch
    {
        "startBriefing" => new StartBriefingBody(),
        "startNegotiation" => new StartNegotiationBody(),
        "processNow" => new ProcessNowBody(),
        "pause" => new PauseClockBody(),
        "resume" => new ResumeClockBody(),
        "extend" => Number(command, "seconds") is { } seconds ? new ExtendDeadlineBody(seconds) : null,
        "news" => Text(command, "headline") is { } headline ? new InjectNewsBody(headline, Text(command, "body") ?? string.Empty) : null,
        "end" => new EndGameBody(),
        _ => null,
    };

    private static string? Text(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Number(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private static ImmutableDictionary<string, string> Package(JsonElement json) =>
        json.TryGetProperty("package", out var package) && package.ValueKind == JsonValueKind.Object
            ? package.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToImmutableDictionary(p => p.Name, p => p.Value.GetString()!)
            : ImmutableDictionary<string, string>.Empty;

    private static ImmutableArray<string>? Parties(JsonElement json, string name) =>
        json.TryGetProperty(name, out var parties) && parties.ValueKind == JsonValueKind.Array
            ? [.. parties.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString()!)]
            : null;
}
