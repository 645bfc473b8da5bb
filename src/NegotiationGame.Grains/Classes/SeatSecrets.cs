using System.Security.Cryptography;
using System.Text;

namespace NegotiationGame.Grains.Classes;

/// <summary>
/// The secrets that give a student their seat back (and collect the answer to a seat request): 256 random bits that
/// only the student's browser holds. The class log keeps their SHA-256, so a copy of the log seats nobody, and a
/// secret is checked by comparing digests in constant time.
/// </summary>
internal static class SeatSecrets
{
    private const int SecretBytes = 32;

    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToBase64String(Digest(secret));

    /// <summary>Whether <paramref name="secret"/> is the one <paramref name="hash"/> was made of; false for a missing hash, in the same time.</summary>
    public static bool Matches(string? secret, string? hash)
    {
        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        var known = hash is not null && Convert.TryFromBase64String(hash, expected, out var written) && written == expected.Length;
        return CryptographicOperations.FixedTimeEquals(Digest(secret ?? string.Empty), expected) && known;
    }

    private static byte[] Digest(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
