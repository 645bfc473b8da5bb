using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace NegotiationGame.Host.Access;

/// <summary>
/// Issues and reads tokens: an <see cref="AccessGrant"/> encrypted and signed with ASP.NET Data Protection, valid for
/// a fixed time. The server never trusts what a client says about itself, only what a token it issued says.
/// </summary>
public sealed class TokenService(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("NegotiationGame.Access.v1").ToTimeLimitedDataProtector();

    public string Issue(AccessGrant grant) =>
        _protector.Protect(JsonSerializer.Serialize(grant), clock.GetUtcNow() + Lifetime);

    public AccessGrant? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<AccessGrant>(_protector.Unprotect(token, out var expiration)) is { } grant && expiration > clock.GetUtcNow()
                ? grant
                : null;
        }
        catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}
