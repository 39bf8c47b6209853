using Akka.Actor;

namespace Pipeline.Actors.Serialization;

/// <summary>A reader that knows the actor system it reads for, so that layouts holding actor
/// references can resolve them on this node.</summary>
internal sealed class WireReader(Stream input, ExtendedActorSystem system) : BinaryReader(input)
{
    public ExtendedActorSystem System { get; } = system;
}
