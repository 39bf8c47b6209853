using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pipeline.Actors.Cleaning;

/// <summary>
/// Reads the value token a <see cref="Utf8JsonReader"/> stands on as the kind of value a field needs,
/// accepting a number sent as a string and a string sent as a number where the meaning is clear.
/// Text is decoded into a caller's scratch buffer, so only the cleaned result is ever allocated.
/// Containers are skipped so the reader always ends on the value's last token.
/// </summary>
internal static class JsonValue
{
    private const NumberStyles RealStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>
    /// The value as text, decoded into <paramref name="scratch"/> (at least as long as the record's
    /// bytes): a string unescaped, a number as its JSON text. False with
    /// <see cref="FieldIssueReasons.Missing"/> for null and <see cref="FieldIssueReasons.WrongType"/>
    /// for a boolean, object or array. The text is decoded where the token starts in the record:
    /// it never has more UTF-16 units than the token has bytes, so the texts of a record's values
    /// never overlap, and a field can keep its text's place in the scratch until the record is built.
    /// </summary>
    public static bool TryText(ref Utf8JsonReader reader, char[] scratch, out ReadOnlySpan<char> text, out string? issue)
    {
        issue = null;
        var place = scratch.AsSpan((int)reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                text = place[..reader.CopyString(place)];
                return true;
            case JsonTokenType.Number:
                text = place[..Encoding.UTF8.GetChars(reader.ValueSpan, place)];
                return true;
            case JsonTokenType.Null:
                text = default;
                issue = FieldIssueReasons.Missing;
                return false;
            default:
                reader.Skip();
                text = default;
                issue = FieldIssueReasons.WrongType;
                return false;
        }
    }

    /// <summary>The value as a whole number, from a JSON number or a string holding one.</summary>
    public static WholeNumberResult WholeNumber(ref Utf8JsonReader reader, char[] scratch, out long value, out string? issue)
    {
        value = 0;
        if (reader.TokenType == JsonTokenType.Number)
        {
            issue = null;
            return reader.TryGetInt64(out value) ? WholeNumberResult.Whole : Cleaning.WholeNumber.Parse(reader.ValueSpan, out value);
        }

        if (!TryText(ref reader, scratch, out var text, out issue))
        {
            return WholeNumberResult.NotANumber;
        }

        var trimmed = TextField.Trim(text, out issue);
        return issue is null ? Cleaning.WholeNumber.Parse(trimmed, out value) : WholeNumberResult.NotANumber;
    }

    /// <summary>The value as a finite real number, from a JSON number or a string holding one.</summary>
    public static double? Real(ref Utf8JsonReader reader, char[] scratch, out string? issue)
    {
        double number;
        if (reader.TokenType == JsonTokenType.Number)
        {
            issue = null;
            if (!ShortDecimal.TryParse(reader.ValueSpan, out number) && !reader.TryGetDouble(out number))
            {
                issue = FieldIssueReasons.OutOfRange;
                return null;
            }
        }
        else
        {
            if (!TryText(ref reader, scratch, out var text, out issue))
            {
                return null;
            }

            var trimmed = TextField.Trim(text, out issue);
            if (issue is not null)
            {
                return null;
            }

            if (!double.TryParse(trimmed, RealStyle, CultureInfo.InvariantCulture, out number))
            {
                issue = FieldIssueReasons.Unparseable;
                return null;
            }
        }

        if (!double.IsFinite(number))
        {
            issue = FieldIssueReasons.OutOfRange;
            return null;
        }

        return number;
    }

    /// <summary>The value as an instant: text in one of <see cref="EventTime"/>'s forms.</summary>
    public static DateTimeOffset? Instant(ref Utf8JsonReader reader, char[] scratch, out string? issue) =>
        AsciiText.TryRead(ref reader, out var ascii) ? EventTime.Parse(ascii, out issue)
        : TryText(ref reader, scratch, out var text, out issue) ? EventTime.Parse(text, out issue)
        : null;

    /// <summary>The value as plain text (<see cref="TextField"/>'s rule only) of a field whose values repeat, one string per distinct value.</summary>
    public static string? CleanText(ref Utf8JsonReader reader, char[] scratch, RepeatedText known, out string? issue)
    {
        if (AsciiText.TryRead(ref reader, out var ascii))
        {
            var trimmedAscii = AsciiText.Trim(ascii, out issue);
            return issue is null ? known.Get(trimmedAscii) : null;
        }

        if (!TryText(ref reader, scratch, out var text, out issue))
        {
            return null;
        }

        var trimmed = TextField.Trim(text, out issue);
        return issue is null ? known.Get(trimmed) : null;
    }

    /// <summary>
    /// The value as plain text, as where its cleaned text lies in <paramref name="scratch"/>; an
    /// empty range when there is none (then <paramref name="issue"/> says why).
    /// </summary>
    public static Range CleanTextPlace(ref Utf8JsonReader reader, char[] scratch, out string? issue)
    {
        if (AsciiText.TryRead(ref reader, out var ascii))
        {
            var trimmedAscii = AsciiText.Trim(ascii, out issue);
            if (issue is not null)
            {
                return default;
            }

            var place = (int)reader.TokenStartIndex;
            Ascii.ToUtf16(trimmedAscii, scratch.AsSpan(place), out var widened);
            return new Range(place, place + widened);
        }

        if (!TryText(ref reader, scratch, out var text, out issue))
        {
            return default;
        }

        var trimmed = TextField.Trim(text, out issue);
        if (issue is not null || !scratch.AsSpan().Overlaps(trimmed, out var start))
        {
            return default;
        }

        return new Range(start, start + trimmed.Length);
    }

    /// <summary>How a token's JSON type reads in a quarantine detail.</summary>
    public static string Describe(JsonTokenType tokenType) => tokenType switch
    {
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => tokenType.ToString(),
    };
}
