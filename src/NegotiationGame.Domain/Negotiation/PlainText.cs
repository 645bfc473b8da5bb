namespace NegotiationGame.Domain.Negotiation;

/// <summary>
/// What a text typed by a person may hold. Refused rather than stripped, so what is logged is exactly what was sent:
/// control characters (a line break is allowed in long texts only), halves of a surrogate pair without the other half
/// (not text at all), and the bidirectional embedding, override and isolate marks, which can make a name or a
/// headline display as something else on everyone's screen.
/// </summary>
public static class PlainText
{
    /// <summary>A name, title or headline: one line.</summary>
    public static bool IsSingleLine(string? text) => IsPlain(text, allowLineBreaks: false);

    /// <summary>A statement, message or news text: lines separated by '\n'.</summary>
    public static bool IsMultiLine(string? text) => IsPlain(text, allowLineBreaks: true);

    private static bool IsPlain(string? text, bool allowLineBreaks)
    {
        if (text is null)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || IsBidiControl(c) || (char.IsControl(c) && !(allowLineBreaks && c == '\n')))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
