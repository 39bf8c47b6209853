using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Pipeline.Actors.Lake;

/// <summary>
/// The raw object of a window, as Kafka Connect's S3 sink writes it with the JSON format: one JSON
/// value per line, as received. A value that spans several lines is rewritten compactly (same
/// value, no line breaks); one that is not JSON and spans lines is written as a JSON string of its
/// text, so every line still holds exactly one record.
/// </summary>
public static class RawObject
{
    public static byte[] Write(IReadOnlyList<LakeEntry> entries)
    {
        var buffer = new ArrayBufferWriter<byte>(entries.Count * 256);
        foreach (var entry in entries)
        {
            var value = entry.Raw.Value.Span;
            if (value.IndexOfAny((byte)'\n', (byte)'\r') < 0)
                buffer.Write(value);
            else
                WriteOnOneLine(entry.Raw.Value, buffer);
            buffer.Write("\n"u8);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteOnOneLine(ReadOnlyMemory<byte> value, ArrayBufferWriter<byte> buffer)
    {
        using var writer = new Utf8JsonWriter(buffer);
        try
        {
            using var document = JsonDocument.Parse(value);
            document.WriteTo(writer);
        }
        catch (JsonException)
        {
            writer.Reset(buffer);
            writer.WriteStringValue(Encoding.UTF8.GetString(value.Span));
        }

        writer.Flush();
    }
}
