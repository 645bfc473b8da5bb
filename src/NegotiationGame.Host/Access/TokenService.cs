using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace NegotiationGame.Host.Access;

/// <summary>
/// Issues and reads tokens: an <see cref="AccessGrant"/> encrypted and signed with ASP.NET Data Protection, valid for
/// the configured lifetime. The server never trusts what a client says about itself, only what a token it issued
/// says. Download tickets are a separate kind (another purpose, so neither can stand in for the other) that name one
/// download and last minutes.
/// </summary>
public sealed class TokenService(IDataProtectionProvider protection, TimeProvider clock, HostSettings settings)
{
    private readonly ITimeLimitedDataProtector _tokens = protection.CreateProtector("NegotiationGame.Access.v1").ToTimeLimitedDataProtector();
    private readonly ITimeLimitedDataProtector _tickets = protection.CreateProtector("NegotiationGame.Download.v1").ToTimeLimitedDataProtector();

    public string Issue(AccessGrant grant) =>
        _tokens.Protect(JsonSerializer.Serialize(grant), clock.GetUtcNow() + settings.TokenLifetime);

    public AccessGrant? Read(string? token) => Read(token, out _);

    /// <summary>What <paramref name="token"/> grants, and until when; null when it is not a valid, unexpired token.</summary>
    public AccessGrant? Read(string? token, out DateTimeOffset expires) => Unprotect<AccessGrant>(_tokens, token, out expires);

    public string IssueTicket(DownloadTicket ticket) =>
        _tickets.Protect(JsonSerializer.Serialize(ticket), clock.GetUtcNow() + settings.DownloadTicketLifetime);

    public DownloadTicket? ReadTicket(string? ticket) => Unprotect<DownloadTicket>(_tickets, ticket, out _);

    private T? Unprotect<T>(ITimeLimitedDataProtector protector, string? text, out DateTimeOffset expires)
        where T : class
    {
        expires = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            if (JsonSerializer.Deserialize<T>(protector.Unprotect(text, out var expiration)) is { } value && expiration > clock.GetUtcNow())
            {
                expires = expiration;
                return value;
            }

            return null;
        }
        catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}
