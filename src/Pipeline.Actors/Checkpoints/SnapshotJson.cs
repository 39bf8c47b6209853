using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Actors.Checkpoints;

/// <summary>Snapshots are stored as UTF-8 JSON bytes, so the journal needs no custom serializer and a
/// snapshot stays readable with any SQL client.</summary>
public static class SnapshotJson
{
    private static readonly JsonSerializerOptions Options = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static byte[] Serialize<T>(T snapshot) => JsonSerializer.SerializeToUtf8Bytes(snapshot, Options);

    public static T Deserialize<T>(byte[] bytes) =>
        JsonSerializer.Deserialize<T>(bytes, Options) ?? throw new InvalidDataException($"empty {typeof(T).Name} snapshot");
}
