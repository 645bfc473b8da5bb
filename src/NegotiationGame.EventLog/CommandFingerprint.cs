using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using NegotiationGame.Contracts.Commands;

namespace NegotiationGame.EventLog;

/// <summary>
/// 64-bit digests of what a command says and of who sent it under which id. Each is the SHA-256 of a canonical JSON
/// array: JSON's escaping keeps the parts apart, and packages and party lists are sorted because their order carries
/// no meaning (a dictionary's order even changes from one process to the next).
/// </summary>
internal static class CommandFingerprint
{
    /// <summary>A digest of the command's content; the same command in the same words always gives the same value.</summary>
    public static ulong OfBody(CommandBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Digest(json =>
        {
            json.WriteStringValue(body.GetType().Name);
            switch (body)
            {
                case TableOfferBody table:
                    WritePackage(json, table.Package);
                    WriteParties(json, table.Addressees);
                    WriteOptionalNumber(json, table.ExpiresAfterRounds);
                    break;
                case CounterOfferBody counter:
                    json.WriteNumberValue(counter.OfferId);
                    WritePackage(json, counter.Package);
                    if (counter.Addressees is { } addressees)
                    {
                        WriteParties(json, addressees);
                    }
                    else
                    {
                        json.WriteNullValue();
                    }

                    WriteOptionalNumber(json, counter.ExpiresAfterRounds);
                    break;
                case AcceptOfferBody or RejectOfferBody or WithdrawOfferBody or SignAgreementBody or ExtendDeadlineBody:
                    json.WriteNumberValue(SoleNumber(body));
                    break;
                case MakeStatementBody statement:
                    json.WriteStringValue(statement.Text);
                    break;
                case SendMessageBody message:
                    WriteParties(json, message.Channel);
                    json.WriteStringValue(message.Text);
                    break;
                case InjectNewsBody news:
                    json.WriteStringValue(news.Headline);
                    json.WriteStringValue(news.Body);
                    break;
                case ScheduleNewsBody schedule:
                    json.WriteNumberValue(schedule.Round);
                    json.WriteStringValue(schedule.Headline);
                    json.WriteStringValue(schedule.Body);
                    break;
                case CancelScheduledNewsBody cancel:
                    json.WriteNumberValue(cancel.Round);
                    json.WriteStringValue(cancel.Headline);
                    break;
                case ChangePlayerBody change:
                    json.WriteStringValue(change.PartyId);
                    json.WriteStringValue(change.Bot);
                    break;
                default:
                    // The remaining bodies carry nothing but their type.
                    break;
            }
        });
    }

    /// <summary>A digest of (namespace, sender, id): the key under which a sender's id is remembered.</summary>
    public static ulong OfKey(string space, string sender, string id) => Digest(json =>
    {
        json.WriteStringValue(space);
        json.WriteStringValue(sender);
        json.WriteStringValue(id);
    });

    // Every command takes two digests; a buffer and writer per thread, reset each time, spare the allocations.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _threadBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _threadJson;

    private static ulong Digest(Action<Utf8JsonWriter> writeItems)
    {
        var buffer = _threadBuffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        var json = _threadJson ??= new Utf8JsonWriter(buffer);
        json.Reset(buffer);
        json.WriteStartArray();
        writeItems(json);
        json.WriteEndArray();
        json.Flush();

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }

    private static int SoleNumber(CommandBody body) => body switch
    {
        AcceptOfferBody accept => accept.OfferId,
        RejectOfferBody reject => reject.OfferId,
        WithdrawOfferBody withdraw => withdraw.OfferId,
        SignAgreementBody sign => sign.AgreementId,
        ExtendDeadlineBody extend => extend.Seconds,
        _ => throw new ArgumentOutOfRangeException(nameof(body), body.GetType().Name, "Not a command with one number."),
    };

    private static void WritePackage(Utf8JsonWriter json, ImmutableDictionary<string, string>? package)
    {
        json.WriteStartArray();
        foreach (var (issue, option) in (package ?? ImmutableDictionary<string, string>.Empty).OrderBy(choice => choice.Key, StringComparer.Ordinal))
        {
            json.WriteStringValue(issue);
            json.WriteStringValue(option);
        }

        json.WriteEndArray();
    }

    private static void WriteParties(Utf8JsonWriter json, ImmutableArray<string> parties)
    {
        json.WriteStartArray();
        foreach (var party in (parties.IsDefault ? [] : parties).Order(StringComparer.Ordinal))
        {
            json.WriteStringValue(party);
        }

        json.WriteEndArray();
    }

    private static void WriteOptionalNumber(Utf8JsonWriter json, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumberValue(number);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
