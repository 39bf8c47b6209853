using System.Text.Json;

namespace Pipeline.Host.Ingest;

/// <summary>One record of an API Gateway Kinesis proxy request: its decoded data and partition key.</summary>
public sealed record KinesisProxyRecord(ReadOnlyMemory<byte> Data, string PartitionKey);

/// <summary>
/// Parses the bodies the original clients sent through API Gateway to Kinesis:
/// <c>PUT /streams/{stream}/record</c> with <c>{"StreamName","Data","PartitionKey"}</c>, and
/// <c>PUT /streams/{stream}/records</c> with <c>{"records":[{"data","partition-key"}]}</c>.
/// <c>Data</c> occurs both as a JSON object and as a base64 string.
/// </summary>
public static class KinesisProxyRequest
{
    public static KinesisProxyRecord ParseRecord(ReadOnlyMemory<byte> body, string stream)
    {
        using var document = JsonBodies.ParseObject(body);
        var root = document.RootElement;
        if (root.TryGetProperty("StreamName", out var name) && name.ValueKind != JsonValueKind.Null
            && (name.ValueKind != JsonValueKind.String || name.GetString() != stream))
            throw new IngestError(400, $"StreamName '{name}' does not match the stream in the path, '{stream}'");
        return ParseEntry(root, "Data", "PartitionKey", "body");
    }

    public static IReadOnlyList<KinesisProxyRecord> ParseRecords(ReadOnlyMemory<byte> body)
    {
        using var document = JsonBodies.ParseObject(body);
        var root = document.RootElement;
        if (!TryGetAny(root, out var records, "records", "Records") || records.ValueKind != JsonValueKind.Array)
            throw new IngestError(400, "body must have a records array");
        if (records.GetArrayLength() is 0 or > 500)
            throw new IngestError(400, "records must hold 1 to 500 entries");

        var parsed = new List<KinesisProxyRecord>(records.GetArrayLength());
        var index = 0;
        foreach (var record in records.EnumerateArray())
        {
            if (record.ValueKind != JsonValueKind.Object)
                throw new IngestError(400, $"records[{index}] must be an object");
            parsed.Add(ParseEntry(record, "data", "partition-key", $"records[{index}]"));
            index++;
        }

        return parsed;
    }

    private static KinesisProxyRecord ParseEntry(JsonElement entry, string dataName, string keyName, string where)
    {
        if (!TryGetAny(entry, out var data, dataName, "Data", "data") || data.ValueKind == JsonValueKind.Null)
            throw new IngestError(400, $"{where} has no {dataName}");
        if (!TryGetAny(entry, out var key, keyName, "PartitionKey", "partition-key") || key.ValueKind != JsonValueKind.String
            || string.IsNullOrEmpty(key.GetString()))
            throw new IngestError(400, $"{where} has no {keyName}");
        var partitionKey = key.GetString()!;
        if (partitionKey.Length > 256)
            throw new IngestError(400, $"{where}.{keyName} is longer than 256 characters");

        return new KinesisProxyRecord(DecodeData(data, where, dataName), partitionKey);
    }

    private static ReadOnlyMemory<byte> DecodeData(JsonElement data, string where, string dataName)
    {
        switch (data.ValueKind)
        {
            case JsonValueKind.Object:
                return JsonBodies.RawBytes(data);
            case JsonValueKind.String:
                var text = data.GetString()!;
                var buffer = new byte[text.Length];
                if (!Convert.TryFromBase64String(text, buffer, out var written))
                    throw new IngestError(400, $"{where}.{dataName} is a string but not base64");
                return buffer.AsMemory(0, written);
            default:
                throw new IngestError(400, $"{where}.{dataName} must be a JSON object or a base64 string");
        }
    }

    private static bool TryGetAny(JsonElement element, out JsonElement value, params string[] names)
    {
        foreach (var name in names)
        {
            if (element.TryGetProperty(name, out value))
                return true;
        }

        value = default;
        return false;
    }
}
