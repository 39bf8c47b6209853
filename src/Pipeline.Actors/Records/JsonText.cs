using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Pipeline.Actors.Records;

/// <summary>
/// Writes string values escaping only what JSON requires (<c>"</c>, <c>\</c> and control
/// characters), so every other character, emoji included, stays as readable UTF-8. The built-in
/// encoders, even the relaxed one, escape characters beyond the Basic Multilingual Plane, and
/// the real titles and descriptions carry emoji.
/// </summary>
public static class JsonText
{
    private static readonly SearchValues<char> NeedsEscape = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    /// <summary>Writes the property with its string value, or null.</summary>
    public static void WriteString(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            WriteStringValue(writer, value);
        }
    }

    public static void WriteStringValue(Utf8JsonWriter writer, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        WriteStringValue(writer, value.AsSpan());
    }

    public static void WriteStringValue(Utf8JsonWriter writer, ReadOnlySpan<char> value)
    {
        ArgumentNullException.ThrowIfNull(writer);

        // Worst case every character becomes \u00XX (6 bytes); UTF-8 needs at most 3 per UTF-16 unit.
        var rented = ArrayPool<byte>.Shared.Rent((value.Length * 6) + 2);
        try
        {
            var length = Literal(value, rented);
            writer.WriteRawValue(rented.AsSpan(0, length), skipInputValidation: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The quoted, escaped UTF-8 literal of <paramref name="value"/>; returns its length.</summary>
    private static int Literal(ReadOnlySpan<char> value, Span<byte> output)
    {
        var written = 0;
        output[written++] = (byte)'"';
        while (!value.IsEmpty)
        {
            var next = value.IndexOfAny(NeedsEscape);
            var plain = next < 0 ? value : value[..next];
            written += Encoding.UTF8.GetBytes(plain, output[written..]);
            if (next < 0)
            {
                break;
            }

            written += Escape(value[next], output[written..]);
            value = value[(next + 1)..];
        }

        output[written++] = (byte)'"';
        return written;
    }

    private static int Escape(char c, Span<byte> output)
    {
        output[0] = (byte)'\\';
        var shortForm = c switch
        {
            '"' => '"',
            '\\' => '\\',
            '\n' => 'n',
            '\r' => 'r',
            '\t' => 't',
            '\b' => 'b',
            '\f' => 'f',
            _ => '\0',
        };
        if (shortForm != '\0')
        {
            output[1] = (byte)shortForm;
            return 2;
        }

        output[1] = (byte)'u';
        ((int)c).TryFormat(output[2..6], out _, "X4", System.Globalization.CultureInfo.InvariantCulture);
        return 6;
    }
}
