using Akka.Actor;

namespace Pipeline.Actors.Sources.Kinesis.Ownership;

// The messages between the shard coordinator (a cluster singleton) and the reader host of every
// ingest node. They cross nodes; each is idempotent, so the coordinator may repeat any of them.

/// <summary>
/// A reader host's periodic word to the coordinator: it is alive, and what it holds. The first one
/// registers it; after a coordinator moved, the new one learns from these who reads what.
/// </summary>
/// <param name="Reading">Shards it reads (or is about to read).</param>
/// <param name="Releasing">Shards it was asked to give up and is still draining.</param>
public sealed record ReaderHostReport(IActorRef Host, IReadOnlyList<ShardKey> Reading, IReadOnlyList<ShardKey> Releasing);

/// <summary>The coordinator gives a shard to a host, which reads it from its checkpoint.</summary>
/// <param name="StartsAtBeginning">Without a checkpoint, start at the shard's first record (a child
/// of a resharded shard this pipeline read) instead of the configured initial position.</param>
public sealed record GrantShard(ShardKey Shard, bool StartsAtBeginning);

/// <summary>The coordinator takes a shard away: stop reading, drain, commit, then answer <see cref="ShardReleased"/>.</summary>
public sealed record RevokeShard(ShardKey Shard);

/// <summary>The host no longer reads the shard and its checkpoint is durable; another host may take it.</summary>
public sealed record ShardReleased(IActorRef Host, ShardKey Shard);

/// <summary>The closed shard was read to its end and all of it emitted: its children may start.</summary>
public sealed record ShardEnded(IActorRef Host, ShardKey Shard);

/// <summary>Asks the coordinator who owns what; answered with <see cref="ShardOwners"/>.</summary>
public sealed record GetShardOwners
{
    public static readonly GetShardOwners Instance = new();
}

/// <summary>Every shard being read, with the node reading it.</summary>
public sealed record ShardOwners(IReadOnlyList<ShardOwner> Shards);

/// <param name="Node">The address of the node that reads the shard.</param>
public sealed record ShardOwner(ShardKey Shard, string Node);
