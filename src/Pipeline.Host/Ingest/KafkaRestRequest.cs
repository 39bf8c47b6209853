using System.Text.Json;

namespace Pipeline.Host.Ingest;

/// <summary>One record of a Kafka REST proxy v2 produce request.</summary>
/// <param name="Value">The raw UTF-8 JSON of <c>value</c>, byte for byte as sent.</param>
public sealed record KafkaRestRecord(ReadOnlyMemory<byte> Value, string? Key, int? Partition);

/// <summary>
/// Parses the body of <c>POST /topics/{topic}</c> as the Kafka REST proxy v2 does for
/// <c>application/vnd.kafka.json.v2+json</c>: <c>{"records":[{"value":...,"key":...,"partition":...}]}</c>.
/// Errors use the proxy's own codes: 422 for a body it understands as JSON but not as a request.
/// </summary>
public static class KafkaRestRequest
{
    public static IReadOnlyList<KafkaRestRecord> Parse(ReadOnlyMemory<byte> body)
    {
        using var document = JsonBodies.ParseObject(body);
        var root = document.RootElement;
        if (!root.TryGetProperty("records", out var records))
        {
            using var names = root.EnumerateObject();
            var first = names.MoveNext() ? names.Current.Name : "(none)";
            throw new IngestError(422, $"Unrecognized field: {first}");
        }

        if (records.ValueKind != JsonValueKind.Array)
            throw new IngestError(422, "records must be an array");
        if (records.GetArrayLength() == 0)
            throw new IngestError(422, "records must not be empty");

        var parsed = new List<KafkaRestRecord>(records.GetArrayLength());
        var index = 0;
        foreach (var record in records.EnumerateArray())
        {
            parsed.Add(ParseRecord(record, body, index));
            index++;
        }

        return parsed;
    }

    private static KafkaRestRecord ParseRecord(JsonElement record, ReadOnlyMemory<byte> body, int index)
    {
        if (record.ValueKind != JsonValueKind.Object)
            throw new IngestError(422, $"records[{index}] must be an object");
        if (!record.TryGetProperty("value", out var value) || value.ValueKind == JsonValueKind.Null)
            throw new IngestError(422, $"records[{index}] has no value");

        string? key = null;
        if (record.TryGetProperty("key", out var keyElement) && keyElement.ValueKind != JsonValueKind.Null)
            key = keyElement.ValueKind == JsonValueKind.String ? keyElement.GetString() : keyElement.GetRawText();

        int? partition = null;
        if (record.TryGetProperty("partition", out var partitionElement) && partitionElement.ValueKind != JsonValueKind.Null)
        {
            if (partitionElement.ValueKind != JsonValueKind.Number || !partitionElement.TryGetInt32(out var p) || p < 0)
                throw new IngestError(422, $"records[{index}].partition must be a non-negative whole number");
            partition = p;
        }

        return new KafkaRestRecord(JsonBodies.RawBytes(value), key, partition);
    }
}
