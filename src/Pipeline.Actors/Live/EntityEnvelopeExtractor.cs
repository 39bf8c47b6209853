using Akka.Cluster.Sharding;

namespace Pipeline.Actors.Live;

/// <summary>
/// Routes messages by entity id: the shard is the hash of the id modulo a fixed shard count. Every
/// message to live state is a <see cref="ShardingEnvelope"/>, which the base class unwraps itself;
/// anything else has no entity and is dropped by the region.
/// </summary>
public sealed class EntityEnvelopeExtractor(int shards) : HashCodeMessageExtractor(shards)
{
    public override string EntityId(object message) => null!;
}
