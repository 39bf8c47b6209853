using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;

namespace Pipeline.Actors.Serialization;

/// <summary>
/// The engine's serializer for everything that crosses nodes or is persisted by the engine's own
/// actors: messages to the shard regions (inside sharding envelopes), their replies, the history
/// singleton's protocol and the Kinesis checkpoints' events. Compact binary, one hand-written layout
/// per type (see <see cref="WireType"/>), named by a short string manifest. hocon/serialization.conf
/// binds each type to it.
/// </summary>
public sealed class PipelineSerializer : SerializerWithStringManifest
{
    /// <summary>Stable for good: it is stored with every persisted event and sent with every message.</summary>
    public const int Id = 501;

    private readonly Dictionary<Type, WireType> _byType;
    private readonly Dictionary<string, WireType> _byManifest;

    public PipelineSerializer(ExtendedActorSystem system)
        : base(system)
    {
        _byType = WireTypes.All.ToDictionary(type => type.Type);
        _byManifest = WireTypes.All.ToDictionary(type => type.Manifest, StringComparer.Ordinal);
    }

    public override int Identifier => Id;

    /// <summary>The types this serializer writes.</summary>
    public static IEnumerable<Type> Types => WireTypes.All.Select(type => type.Type);

    public override string Manifest(object o) => Of(o).Manifest;

    public override byte[] ToBinary(object obj)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
            Of(obj).Write(writer, obj);
        return buffer.ToArray();
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (!_byManifest.TryGetValue(manifest, out var type))
            throw new SerializationException($"{nameof(PipelineSerializer)} knows no manifest '{manifest}' (a newer node's message?)");
        using var reader = new WireReader(new MemoryStream(bytes, writable: false), system);
        var value = type.Read(reader);
        if (reader.BaseStream.Position != bytes.Length)
            throw new SerializationException($"{bytes.Length - reader.BaseStream.Position} bytes left over after reading '{manifest}'");
        return value;
    }

    private WireType Of(object value) =>
        _byType.TryGetValue(value.GetType(), out var type)
            ? type
            : throw new SerializationException($"{nameof(PipelineSerializer)} has no layout for {value.GetType().FullName}");
}
