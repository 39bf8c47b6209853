using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;

namespace Pipeline.Actors.Serialization;

/// <summary>
/// Bound to <see cref="object"/> by hocon/serialization.conf in place of Akka's JSON fallback: a
/// type with no serializer bound to it fails loudly, naming itself, when it would cross nodes or be
/// persisted, instead of travelling as JSON of its CLR type. Akka's JSON serializer stays registered
/// (under its own id), so data it wrote earlier can still be read.
/// </summary>
public sealed class UnboundTypeRefusal(ExtendedActorSystem system) : Serializer(system)
{
    public const int Id = 502;

    public override int Identifier => Id;

    public override bool IncludeManifest => false;

    public override byte[] ToBinary(object obj) =>
        throw new SerializationException($"no serializer is bound to {obj.GetType().FullName}: bind it in hocon/serialization.conf (and give it a layout in {nameof(PipelineSerializer)})");

    public override object FromBinary(byte[] bytes, Type type) =>
        throw new SerializationException($"nothing is ever written by {nameof(UnboundTypeRefusal)} (asked to read {type?.FullName ?? "an unnamed type"})");
}
