using System.Buffers;
using System.Text.Json;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.History;

/// <summary>
/// A metric table as JSON, <c>{"metric":name,"columns":[...],"rows":[[...],...]}</c>, the shape of
/// <c>/api/metrics/{name}</c> and of the history results in the lake. Cells are strings, whole
/// numbers or null. Written and read without reflection.
/// </summary>
public static class MetricTableJson
{
    public static byte[] Write(MetricTable table)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            Write(writer, table);
        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, MetricTable table)
    {
        writer.WriteStartObject();
        writer.WriteString("metric", table.Metric);
        writer.WriteStartArray("columns");
        foreach (var column in table.Columns)
            writer.WriteStringValue(column);
        writer.WriteEndArray();
        writer.WriteStartArray("rows");
        foreach (var row in table.Rows)
        {
            writer.WriteStartArray();
            foreach (var cell in row)
            {
                switch (cell)
                {
                    case null: writer.WriteNullValue(); break;
                    case long number: writer.WriteNumberValue(number); break;
                    case int number: writer.WriteNumberValue(number); break;
                    case string text: writer.WriteStringValue(text); break;
                    default: throw new ArgumentException($"A metric cell is a string, a whole number or null, not {cell.GetType().Name}");
                }
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static MetricTable Read(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var columns = root.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
        var rows = root.GetProperty("rows").EnumerateArray()
            .Select(row => (IReadOnlyList<object?>)row.EnumerateArray().Select(Cell).ToList())
            .ToList();
        return new MetricTable(root.GetProperty("metric").GetString()!, columns, rows);
    }

    private static object? Cell(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number => cell.GetInt64(),
        JsonValueKind.String => cell.GetString(),
        _ => throw new JsonException($"A metric cell is a string, a whole number or null, not {cell.ValueKind}"),
    };
}
