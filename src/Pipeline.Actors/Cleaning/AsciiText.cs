using System.Text;
using System.Text.Json;

namespace Pipeline.Actors.Cleaning;

/// <summary>
/// String values sent as plain ASCII without escapes, as nearly all are, read straight from the
/// record's bytes. Each byte is then the UTF-16 unit of the same value, so trimming, comparing and
/// splitting the bytes gives exactly what the rule gives on the decoded text, and the only string
/// made is the cleaned result. Any other string value takes the decoding path.
/// </summary>
internal static class AsciiText
{
    /// <summary>The value's bytes when the reader stands on a string that takes this path.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, out ReadOnlySpan<byte> text)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && Ascii.IsValid(reader.ValueSpan))
        {
            text = reader.ValueSpan;
            return true;
        }

        text = default;
        return false;
    }

    /// <summary><see cref="TextField.Trim"/> of ASCII text.</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text, out string? issue)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace((char)text[start]))
        {
            start++;
        }

        var end = text.Length;
        while (end > start && char.IsWhiteSpace((char)text[end - 1]))
        {
            end--;
        }

        issue = end == start ? FieldIssueReasons.Empty : null;
        return text[start..end];
    }

    /// <summary>The string of ASCII text: each byte widened to its UTF-16 unit.</summary>
    public static string ToString(ReadOnlySpan<byte> text) =>
        string.Create(text.Length, text, static (chars, ascii) => Ascii.ToUtf16(ascii, chars, out _));
}
