using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pipeline.Actors.Records;

/// <summary>
/// Writes clean records as JSON lines in the contract's field order; null fields are written as
/// null and instants as ISO 8601 UTC (<c>2020-08-28T03:52:47Z</c>, a fraction only when non-zero).
/// </summary>
public static class CleanJsonWriter
{
    /// <summary>Writes the record as one JSON object followed by a line feed.</summary>
    public static void WriteLine(IBufferWriter<byte> output, ICleanRecord record)
    {
        using (var writer = new Utf8JsonWriter(output, JsonLineOptions.Writer))
        {
            Write(writer, record);
        }

        output.Write("\n"u8);
    }

    /// <summary>Writes the record as one JSON line to <paramref name="output"/>.</summary>
    public static void WriteLine(Stream output, ICleanRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        WriteLine(buffer, record);
        output.Write(buffer.WrittenSpan);
    }

    /// <summary>The record's JSON line without the line feed.</summary>
    public static string ToJson(ICleanRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, JsonLineOptions.Writer))
        {
            Write(writer, record);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the record as one JSON object (no line feed) to a caller's writer.</summary>
    public static void Write(Utf8JsonWriter writer, ICleanRecord record)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (record)
        {
            case CleanPin pin:
                WritePin(writer, pin);
                break;
            case CleanGeo geo:
                WriteGeo(writer, geo);
                break;
            case CleanUser user:
                WriteUser(writer, user);
                break;
            default:
                throw new ArgumentException($"no JSON form for {record?.GetType().Name ?? "null"}", nameof(record));
        }
    }

    private static void WritePin(Utf8JsonWriter writer, CleanPin pin)
    {
        writer.WriteStartObject();
        writer.WriteNumber("ind"u8, pin.Ind);
        JsonText.WriteString(writer, "unique_id"u8, pin.UniqueId);
        JsonText.WriteString(writer, "title"u8, pin.Title);
        JsonText.WriteString(writer, "description"u8, pin.Description);
        WriteNumber(writer, "follower_count"u8, pin.FollowerCount);
        JsonText.WriteString(writer, "poster_name"u8, pin.PosterName);
        writer.WritePropertyName("tag_list"u8);
        if (pin.TagList is { } tags)
        {
            writer.WriteStartArray();
            for (var i = 0; i < tags.Count; i++)
            {
                JsonText.WriteStringValue(writer, PinTags.TagAt(tags, i).Span);
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNullValue();
        }

        JsonText.WriteString(writer, "is_image_or_video"u8, pin.IsImageOrVideo);
        JsonText.WriteString(writer, "image_src"u8, pin.ImageSrc);
        JsonText.WriteString(writer, "save_location"u8, pin.SaveLocation);
        JsonText.WriteString(writer, "category"u8, pin.Category);
        writer.WritePropertyName("downloaded"u8);
        if (pin.Downloaded is { } downloaded)
        {
            writer.WriteBooleanValue(downloaded);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteEndObject();
    }

    private static void WriteGeo(Utf8JsonWriter writer, CleanGeo geo)
    {
        writer.WriteStartObject();
        writer.WriteNumber("ind"u8, geo.Ind);
        JsonText.WriteString(writer, "country"u8, geo.Country);
        writer.WritePropertyName("coordinates"u8);
        if (geo.Coordinates is { } coordinates)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(coordinates.Latitude);
            writer.WriteNumberValue(coordinates.Longitude);
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNullValue();
        }

        WriteInstant(writer, "timestamp"u8, geo.Timestamp);
        writer.WriteEndObject();
    }

    private static void WriteUser(Utf8JsonWriter writer, CleanUser user)
    {
        writer.WriteStartObject();
        writer.WriteNumber("ind"u8, user.Ind);
        JsonText.WriteString(writer, "user_name"u8, user.UserName);
        WriteNumber(writer, "age"u8, user.Age);
        WriteInstant(writer, "date_joined"u8, user.DateJoined);
        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteInstant(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset? value)
    {
        if (value is { } instant)
        {
            Span<byte> text = stackalloc byte[32];
            instant.UtcDateTime.TryFormat(text, out var written, UtcInstant.Format, CultureInfo.InvariantCulture);
            writer.WriteString(name, text[..written]);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
