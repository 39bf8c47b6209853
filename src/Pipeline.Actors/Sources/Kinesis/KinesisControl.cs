using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Akka.Actor;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Sources.Kinesis;

/// <summary>
/// The handle of one materialized <see cref="KinesisSource"/>: report positions done, read the
/// shards' progress, stop, or drain and shut down with a final checkpoint.
/// </summary>
public sealed class KinesisControl
{
    private readonly IActorRef _checkpoints;
    private readonly TaskCompletionSource _stopRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, ShardProgress> _shards = new();

    internal KinesisControl(string streamName, IActorRef checkpoints)
    {
        StreamName = streamName;
        _checkpoints = checkpoints;
    }

    public string StreamName { get; }

    /// <summary>The <see cref="SourcePosition.Source"/> of this stream's elements.</summary>
    public string SourceName => KinesisSource.SourceNameOf(StreamName);

    /// <summary>Progress of every shard this source has started, by shard id.</summary>
    public IReadOnlyDictionary<string, ShardProgress> Shards => _shards;

    /// <summary>
    /// Reports the element at <paramref name="position"/> done, and with it every earlier element of
    /// the same shard; its sequence number becomes the shard's checkpoint at the next write.
    /// </summary>
    public void Commit(SourcePosition position)
    {
        if (position.Source != SourceName)
        {
            throw new ArgumentException($"{position.Source} is not a position of {SourceName}.", nameof(position));
        }

        _checkpoints.Tell(new ShardCheckpoints.Commit(position.Partition, position.Offset));
    }

    /// <summary>Stops polling; the source completes once the records it already read are emitted.</summary>
    public void Stop() => _stopRequested.TrySetResult();

    /// <summary>Writes the checkpoints reported so far and returns what is now durable.</summary>
    public async Task<IReadOnlyDictionary<string, string>> FlushAsync(TimeSpan timeout) =>
        (await _checkpoints.Ask<ShardCheckpoints.Flushed>(ShardCheckpoints.Flush.Instance, timeout)).ByShard;

    /// <summary>
    /// Stops polling, waits for <paramref name="streamCompletion"/> (the completion of the graph this
    /// source feeds, so every element in flight was processed and committed), then writes the final
    /// checkpoints and stops the checkpoint actor. The checkpoints are written even when the stream failed.
    /// </summary>
    /// <returns>The durable checkpoints, by shard.</returns>
    public async Task<IReadOnlyDictionary<string, string>> DrainAndShutdownAsync(Task streamCompletion, TimeSpan timeout)
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

        var durable = await FlushAsync(timeout);
        _checkpoints.Tell(PoisonPill.Instance);
        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return durable;
    }

    internal Task StopRequested => _stopRequested.Task;

    internal void Report(ShardProgress progress) => _shards[progress.ShardId] = progress;
}

/// <param name="LastReadSequenceNumber">The last record read from the shard (emitted or buffered).</param>
/// <param name="MillisBehindLatest">How far the last read was behind the tip, as Kinesis reported it.</param>
/// <param name="Finished">The shard is closed and was read to its end.</param>
public sealed record ShardProgress(string ShardId, string? LastReadSequenceNumber, long? MillisBehindLatest, bool Finished);
