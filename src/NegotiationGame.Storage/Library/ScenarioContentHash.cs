using System.Security.Cryptography;
using System.Text;

namespace NegotiationGame.Storage.Library;

/// <summary>The key of a library entry: what <c>sha256sum</c> prints for the file, so that an operator can find a file's entry.</summary>
public static class ScenarioContentHash
{
    public const int Length = 64;

    public static string Of(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>Whether <paramref name="text"/> has the shape of a hash (so it is never taken for a scenario's name).</summary>
    public static bool IsHash(string text) =>
        text is { Length: Length } && text.All(character => char.IsAsciiDigit(character) || character is >= 'a' and <= 'f');
}
