using Akka.Actor;
using Akka.Streams.Dsl;
using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kinesis.Client;
using Pipeline.Actors.Sources.Kinesis.Ownership;

namespace Pipeline.Actors.Sources.Kinesis;

/// <summary>
/// Akka.Streams sources over Kinesis streams named <c>streaming-&lt;prefix&gt;-pin|geo|user</c>: every
/// shard this node owns read by one poller, elements carrying their (stream, shard, sequence number,
/// arrival time), checkpoints persisted per shard from what the stream reports done
/// (<see cref="KinesisControl.Commit"/>). Which shards a node owns is decided by a
/// <see cref="KinesisShardCoordinator"/>.
/// </summary>
public static class KinesisSource
{
    /// <summary>The start of the <see cref="SourcePosition.Source"/> of every Kinesis record.</summary>
    public const string SourcePrefix = "kinesis:";

    public static string SourceNameOf(string streamName) => SourcePrefix + streamName;

    /// <summary>
    /// The source of every shard of one stream, owned by this process alone (a coordinator of its
    /// own). Its actors are created now and stopped by <see cref="KinesisControl.DrainAndShutdownAsync"/>.
    /// Materialize it once.
    /// </summary>
    public static Source<RawRecord, KinesisControl> Create(ActorSystem system, KinesisClient client, KinesisSettings settings, string streamName)
    {
        if (!KinesisStreamName.TryParse(streamName, out _, out _))
        {
            throw new ArgumentException($"{streamName} is not named streaming-<prefix>-pin|geo|user.", nameof(streamName));
        }

        var coordinator = KinesisShardCoordinator.Props(client, settings, [streamName], settle: TimeSpan.Zero);
        return Reading(client, settings, control => system.ActorOf(KinesisReaderHost.Props(settings, control, coordinator)));
    }

    /// <summary>
    /// The source of the shards <paramref name="coordinator"/> (<see cref="KinesisCoordinatorSingleton.Start"/>)
    /// grants this node, across every stream it reads. Its reader host is created now; it stops, and
    /// the coordinator moves its shards, at <see cref="KinesisControl.DrainAndShutdownAsync"/>.
    /// Materialize it once.
    /// </summary>
    public static Source<RawRecord, KinesisControl> Owned(ActorSystem system, KinesisClient client, KinesisSettings settings, IActorRef coordinator) =>
        Reading(client, settings, control => system.ActorOf(KinesisReaderHost.Props(settings, control, coordinator), "kinesis-reader-host"));

    private static Source<RawRecord, KinesisControl> Reading(KinesisClient client, KinesisSettings settings, Func<KinesisControl, IActorRef> startHost)
    {
        var control = new KinesisControl();
        var host = startHost(control);
        control.Attach(host);
        return Source.FromGraph(new KinesisShardsStage(client, settings, host, control));
    }

    /// <summary>The streams to read: the three of each configured prefix, or, with no prefixes
    /// configured, every stream whose name has the original clients' shape.</summary>
    public static async Task<IReadOnlyList<string>> StreamNamesAsync(KinesisClient client, KinesisSettings settings, CancellationToken cancellation = default)
    {
        if (settings.StreamPrefixes.Count > 0)
        {
            return settings.StreamPrefixes
                .SelectMany(prefix => Enum.GetValues<Table>().Select(table => KinesisStreamName.For(prefix, table)))
                .ToArray();
        }

        var all = await client.ListStreamsAsync(cancellation);
        return all.Where(name => KinesisStreamName.TryParse(name, out _, out _)).ToArray();
    }
}
