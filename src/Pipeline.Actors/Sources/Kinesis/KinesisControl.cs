using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Akka.Actor;
using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kinesis.Ownership;

namespace Pipeline.Actors.Sources.Kinesis;

/// <summary>
/// The handle of one materialized <see cref="KinesisSource"/>: report positions done, read the
/// progress of the shards this node reads, stop, or drain and shut down with a final checkpoint.
/// </summary>
public sealed class KinesisControl
{
    private readonly TaskCompletionSource _stopRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<ShardKey, ShardProgress> _shards = new();
    private readonly ConcurrentDictionary<ShardKey, IActorRef> _checkpoints = new();
    private IActorRef _host = ActorRefs.Nobody;

    internal KinesisControl()
    {
    }

    /// <summary>Progress of every shard this node reads now.</summary>
    public IReadOnlyDictionary<ShardKey, ShardProgress> Shards => _shards;

    /// <summary>Whether <paramref name="position"/> is a Kinesis record's (its source is a Kinesis stream).</summary>
    public static bool IsKinesis(SourcePosition position) => position.Source.StartsWith(KinesisSource.SourcePrefix, StringComparison.Ordinal);

    /// <summary>
    /// Reports the element at <paramref name="position"/> done, and with it every earlier element of
    /// the same shard; its sequence number becomes the shard's checkpoint at the next write. A report
    /// for a shard this node no longer owns is dropped: its next owner reads that record again.
    /// </summary>
    public void Commit(SourcePosition position)
    {
        if (!IsKinesis(position))
        {
            throw new ArgumentException($"{position.Source} is not a Kinesis stream.", nameof(position));
        }

        var key = new ShardKey(position.Source[KinesisSource.SourcePrefix.Length..], position.Partition);
        if (_checkpoints.TryGetValue(key, out var checkpoints))
        {
            checkpoints.Tell(new ShardCheckpoints.Commit(position.Partition, position.Offset));
        }
    }

    /// <summary>Stops polling; the source completes once the records it already read are emitted.</summary>
    public void Stop() => _stopRequested.TrySetResult();

    /// <summary>Writes the checkpoints reported so far and returns what is now durable.</summary>
    public async Task<IReadOnlyDictionary<ShardKey, string>> FlushAsync(TimeSpan timeout) =>
        (await _host.Ask<KinesisReaderHost.Flushed>(new KinesisReaderHost.Flush(Release: false, timeout), timeout)).ByShard;

    /// <summary>
    /// Stops polling, waits for <paramref name="streamCompletion"/> (the completion of the graph this
    /// source feeds, so every element in flight was processed and committed), then writes the final
    /// checkpoints and gives up every shard, so the coordinator hands them to other nodes. The
    /// checkpoints are written even when the stream failed.
    /// </summary>
    /// <returns>The durable checkpoints, by shard.</returns>
    public async Task<IReadOnlyDictionary<ShardKey, string>> DrainAndShutdownAsync(Task streamCompletion, TimeSpan timeout)
    {
        Stop();
        Exception? failure = null;
        try
        {
            await streamCompletion.WaitAsync(timeout);
        }
        catch (Exception error)
        {
            failure = error;
        }

        var durable = (await _host.Ask<KinesisReaderHost.Flushed>(new KinesisReaderHost.Flush(Release: true, timeout), timeout)).ByShard;
        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return durable;
    }

    internal Task StopRequested => _stopRequested.Task;

    internal void Attach(IActorRef host) => _host = host;

    internal void Report(ShardKey key, ShardProgress progress) => _shards[key] = progress;

    internal void Track(ShardKey key, IActorRef checkpoints) => _checkpoints[key] = checkpoints;

    /// <summary>The stage stopped reading the shard.</summary>
    internal void Forget(ShardKey key) => _shards.TryRemove(key, out _);

    /// <summary>The shard's checkpoint actor stopped; reports for it have nowhere to go.</summary>
    internal void Untrack(ShardKey key) => _checkpoints.TryRemove(key, out _);
}

/// <param name="LastReadSequenceNumber">The last record read from the shard (emitted or buffered).</param>
/// <param name="MillisBehindLatest">How far the last read was behind the tip, as Kinesis reported it.</param>
/// <param name="Finished">The shard is closed and was read to its end.</param>
public sealed record ShardProgress(string ShardId, string? LastReadSequenceNumber, long? MillisBehindLatest, bool Finished);
