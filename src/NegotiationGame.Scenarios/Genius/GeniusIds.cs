using System.Text;

namespace NegotiationGame.Scenarios.Genius;

/// <summary>
/// Makes ids of the scenario format (lower-case letters, digits and '-', starting with a letter, at most 32
/// characters) from GENIUS names. The same names in the same order always give the same ids, so importing a
/// file twice gives the same scenario; a name that would repeat an id gets "-2", "-3" and so on.
/// </summary>
internal sealed class GeniusIds(string prefix)
{
    public const int MaxLength = 32;

    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public string Next(string name)
    {
        var id = Slug(name);
        if (id.Length == 0 || !char.IsAsciiLetterLower(id[0]))
        {
            // Items named 1, 2, 3 are common in GENIUS: they become option-1, option-2, option-3.
            id = Trim(id.Length == 0 ? prefix : $"{prefix}-{id}");
        }

        var unique = id;
        for (var copy = 2; !_taken.Add(unique); copy++)
        {
            var suffix = $"-{copy}";
            unique = Trim(id[..Math.Min(id.Length, MaxLength - suffix.Length)]) + suffix;
        }

        return unique;
    }

    /// <summary>ASCII letters and digits kept (lower-cased), every other run of characters one '-'.</summary>
    public static string Slug(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var character in name)
        {
            if (char.IsAsciiLetterOrDigit(character))
            {
                builder.Append(char.ToLowerInvariant(character));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return Trim(builder.ToString());
    }

    private static string Trim(string id) => (id.Length > MaxLength ? id[..MaxLength] : id).Trim('-');
}
