using Akka.Actor;
using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kinesis.Ownership;

namespace Pipeline.Actors.Sources.Kinesis;

// Between a node's reader host and its Kinesis stage; never leave the node.

/// <summary>The stage is running and takes commands at <paramref name="Stage"/>.</summary>
internal sealed record ReaderStageStarted(IActorRef Stage);

/// <summary>The stage completed or failed; it reads nothing any more.</summary>
internal sealed record ReaderStageStopped
{
    public static readonly ReaderStageStopped Instance = new();
}

/// <summary>Start reading a shard after <paramref name="Checkpoint"/> (or from its start point when null).</summary>
internal sealed record ReadShard(ShardKey Shard, Table Table, string? Checkpoint, bool StartsAtBeginning);

/// <summary>Stop reading a shard at once, dropping what was read ahead and not emitted; answered with <see cref="ShardStopped"/>.</summary>
internal sealed record StopShard(ShardKey Shard);

/// <param name="LastEmitted">The last record of the shard pushed downstream; null when none was.</param>
internal sealed record ShardStopped(ShardKey Shard, string? LastEmitted);

/// <summary>The closed shard was read to its end and all of it emitted.</summary>
internal sealed record ShardReadToEnd(ShardKey Shard);
