using System.Buffers;
using System.Text.Json;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Lake;

/// <summary>
/// The quarantined records of a window as JSON lines:
/// <c>{"table","reason","detail","source","partition","offset","arrival_time","raw"}</c>, the reason
/// in snake_case (e.g. <c>malformed_json</c>) and the raw text exactly as received.
/// </summary>
public static class QuarantineObject
{
    public static byte[] Write(IReadOnlyList<QuarantinedRecord> records)
    {
        var buffer = new ArrayBufferWriter<byte>(records.Count * 512);
        using var writer = new Utf8JsonWriter(buffer);
        foreach (var record in records)
        {
            writer.WriteStartObject();
            writer.WriteString("table", record.Table.Name());
            writer.WriteString("reason", record.Reason.Code());
            writer.WriteString("detail", record.Detail);
            writer.WriteString("source", record.Position.Source);
            writer.WriteString("partition", record.Position.Partition);
            writer.WriteString("offset", record.Position.Offset);
            writer.WriteString("arrival_time", record.Position.ArrivalTime.UtcDateTime);
            writer.WriteString("raw", record.RawText);
            writer.WriteEndObject();
            writer.Flush();
            buffer.Write("\n"u8);
            writer.Reset(buffer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
