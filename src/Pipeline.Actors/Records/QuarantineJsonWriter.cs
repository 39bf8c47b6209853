using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Pipeline.Actors.Records;

/// <summary>Writes quarantine entries as JSON lines: <c>{"table","reason","detail","raw"}</c>.</summary>
public static class QuarantineJsonWriter
{
    public static void WriteLine(IBufferWriter<byte> output, QuarantinedRecord entry)
    {
        using (var writer = new Utf8JsonWriter(output, JsonLineOptions.Writer))
        {
            Write(writer, entry);
        }

        output.Write("\n"u8);
    }

    public static void WriteLine(Stream output, QuarantinedRecord entry)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        WriteLine(buffer, entry);
        output.Write(buffer.WrittenSpan);
    }

    public static string ToJson(QuarantinedRecord entry)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, JsonLineOptions.Writer))
        {
            Write(writer, entry);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Write(Utf8JsonWriter writer, QuarantinedRecord entry)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entry);
        writer.WriteStartObject();
        writer.WriteString("table"u8, entry.Table.Name());
        writer.WriteString("reason"u8, entry.Reason.Code());
        JsonText.WriteString(writer, "detail"u8, entry.Detail);
        JsonText.WriteString(writer, "raw"u8, entry.RawText);
        writer.WriteEndObject();
    }
}
