using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pipeline.Actors.Cleaning;

/// <summary>
/// Reads the value token a <see cref="Utf8JsonReader"/> stands on as the kind of value a field needs,
/// accepting a number sent as a string and a string sent as a number where the meaning is clear.
/// Containers are skipped so the reader always ends on the value's last token.
/// </summary>
internal static class JsonValue
{
    /// <summary>The value as text: a string as it is, a number as its JSON text.</summary>
    public static string? Text(ref Utf8JsonReader reader, out string? issue)
    {
        issue = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.Null:
                issue = FieldIssueReasons.Missing;
                return null;
            default:
                reader.Skip();
                issue = FieldIssueReasons.WrongType;
                return null;
        }
    }

    /// <summary>The value as a whole number, from a JSON number or a string holding one.</summary>
    public static WholeNumberResult WholeNumber(ref Utf8JsonReader reader, out long value, out string? issue)
    {
        issue = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt64(out value) ? WholeNumberResult.Whole : Cleaning.WholeNumber.Parse(reader.ValueSpan, out value);
            case JsonTokenType.String:
                var text = TextField.Clean(reader.GetString(), out issue);
                value = 0;
                return text is null ? WholeNumberResult.NotANumber : Cleaning.WholeNumber.Parse(text, out value);
            case JsonTokenType.Null:
                value = 0;
                issue = FieldIssueReasons.Missing;
                return WholeNumberResult.NotANumber;
            default:
                reader.Skip();
                value = 0;
                issue = FieldIssueReasons.WrongType;
                return WholeNumberResult.NotANumber;
        }
    }

    /// <summary>The value as a finite real number, from a JSON number or a string holding one.</summary>
    public static double? Real(ref Utf8JsonReader reader, out string? issue)
    {
        issue = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetDouble(out var number) && double.IsFinite(number))
                {
                    return number;
                }

                issue = FieldIssueReasons.OutOfRange;
                return null;
            case JsonTokenType.String:
                var text = TextField.Clean(reader.GetString(), out issue);
                if (text is null)
                {
                    return null;
                }

                const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
                if (double.TryParse(text, style, CultureInfo.InvariantCulture, out var parsed))
                {
                    if (double.IsFinite(parsed))
                    {
                        return parsed;
                    }

                    issue = FieldIssueReasons.OutOfRange;
                    return null;
                }

                issue = FieldIssueReasons.Unparseable;
                return null;
            case JsonTokenType.Null:
                issue = FieldIssueReasons.Missing;
                return null;
            default:
                reader.Skip();
                issue = FieldIssueReasons.WrongType;
                return null;
        }
    }

    /// <summary>The value as an instant: text in one of <see cref="EventTime"/>'s forms.</summary>
    public static DateTimeOffset? Instant(ref Utf8JsonReader reader, out string? issue)
    {
        var text = Text(ref reader, out issue);
        return issue is null ? EventTime.Parse(text, out issue) : null;
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
