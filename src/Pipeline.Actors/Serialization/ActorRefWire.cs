using System.Runtime.Serialization;
using Akka.Actor;

namespace Pipeline.Actors.Serialization;

/// <summary>Actor references on the wire: their full path with this node's address (Akka's
/// <c>SerializedActorPath</c>), resolved on the reading node.</summary>
internal static class ActorRefWire
{
    public static void WriteActorRef(this BinaryWriter writer, IActorRef actor) =>
        writer.Write(Akka.Serialization.Serialization.SerializedActorPath(actor));

    public static IActorRef ReadActorRef(this BinaryReader reader) =>
        reader is WireReader wire
            ? wire.System.Provider.ResolveActorRef(reader.ReadString())
            : throw new SerializationException("actor references can only be read through PipelineSerializer");
}
