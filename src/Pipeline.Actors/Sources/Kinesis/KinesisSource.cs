using Akka.Actor;
using Akka.Streams.Dsl;
using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kinesis.Client;

namespace Pipeline.Actors.Sources.Kinesis;

/// <summary>
/// Akka.Streams sources over Kinesis streams named <c>streaming-&lt;prefix&gt;-pin|geo|user</c>: every
/// shard read by one poller, elements carrying their (stream, shard, sequence number, arrival time),
/// checkpoints persisted per shard from what the stream reports done (<see cref="KinesisControl.Commit"/>).
/// </summary>
public static class KinesisSource
{
    public static string SourceNameOf(string streamName) => $"kinesis:{streamName}";

    /// <summary>
    /// The source of one stream, and the persistent actor that holds its checkpoints (created now,
    /// stopped by <see cref="KinesisControl.DrainAndShutdownAsync"/>). Materialize it once.
    /// </summary>
    public static Source<RawRecord, KinesisControl> Create(ActorSystem system, KinesisClient client, KinesisSettings settings, string streamName)
    {
        if (!KinesisStreamName.TryParse(streamName, out _, out var table))
        {
            throw new ArgumentException($"{streamName} is not named streaming-<prefix>-pin|geo|user.", nameof(streamName));
        }

        var checkpoints = system.ActorOf(ShardCheckpoints.Props(streamName, settings));
        return Source.FromGraph(new KinesisStreamStage(client, settings, streamName, table, checkpoints));
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
