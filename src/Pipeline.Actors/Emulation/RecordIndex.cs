using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pipeline.Actors.Emulation;

/// <summary>
/// Reads the post index of a raw record for grouping replayed records into posts. Only the object's
/// top-level <c>index</c> or <c>ind</c> counts, a number or a string of digits; the rest of the record
/// may be cut off, so a truncated record still joins its post.
/// </summary>
internal static class RecordIndex
{
    /// <summary>The record's non-negative index, or null when it has none that can be read.</summary>
    public static long? Read(string record)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(record), isFinalBlock: false, state: default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isIndex = reader.ValueTextEquals("index"u8) || reader.ValueTextEquals("ind"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isIndex)
                {
                    return Value(ref reader);
                }

                if (!reader.TrySkip())
                {
                    return null;
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static long? Value(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
        {
            return number >= 0 ? number : null;
        }

        // Digits only: a sign or spaces make it no index the grouping can trust.
        if (reader.TokenType == JsonTokenType.String
            && long.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var digits))
        {
            return digits;
        }

        return null;
    }
}
