using Akka.Actor;
using Akka.Cluster.Sharding;
using Pipeline.Actors.Assembly;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Live;

/// <summary>
/// The work of one materialization of <see cref="LiveState.Flow"/>, one batch at a time (never
/// concurrently): send the batch's records to their assembler buckets, which journal them and deliver
/// the resulting changes to profiles, categories, cohorts and leaderboards before they answer; at
/// checkpoints have every bucket touched make all of that durable, then release the positions covered.
/// <para>Several stages (one per ingest node) may feed the same buckets: each bucket orders and
/// numbers its changes itself, so nothing here depends on which stage sent which record.</para>
/// <para>A checkpoint runs beside the next batches (buckets take requests while their consumers
/// persist, which is most of a checkpoint's time); when it is done, <c>checkpointDone</c> has the
/// stream send a batch at once, which releases its positions. An idle or ending input waits for the
/// checkpoint instead. One checkpoint runs at a time.</para>
/// </summary>
internal sealed class LiveStateStage(LiveRegions regions, LiveStateSettings settings, ArrivalClock clock, ITimeProvider time, Action checkpointDone)
{
    private readonly Dictionary<(string Source, string Partition), SourcePosition> _covered = [];
    private readonly HashSet<string> _assemblers = new(StringComparer.Ordinal);
    private int _updates;
    private DateTimeOffset _lastCheckpoint = time.Now;
    private DateTimeOffset _lastRecord = time.Now;
    private bool _idleFlushed;
    private Task<IReadOnlyList<SourcePosition>>? _checkpoint;

    public async Task<IReadOnlyList<SourcePosition>> ProcessAsync(IReadOnlyList<LiveInput> batch)
    {
        var records = new List<CleanedRecord>(batch.Count);
        var ended = false;
        foreach (var input in batch)
        {
            switch (input)
            {
                case LiveInput.Element element:
                    Cover(element.Cleaned.Position);
                    if (element.Cleaned is CleanedRecord record)
                        records.Add(record);
                    _updates++;
                    break;
                case LiveInput.End:
                    ended = true;
                    break;
            }
        }

        await AssembleAsync(records);
        if (records.Count > 0)
        {
            _lastRecord = time.Now;
            _idleFlushed = false;
        }
        if (ended || (!_idleFlushed && time.Now - _lastRecord >= settings.Assembly.IdleFlushAfter))
        {
            await FlushAsync();
            _idleFlushed = true;
        }
        foreach (var record in records)
            clock.Advance(record.Position.ArrivalTime);

        var released = new List<SourcePosition>();
        var idle = ended || records.Count == 0;
        if (_checkpoint is not null && (_checkpoint.IsCompleted || idle))
            released.AddRange(await ReleaseCheckpointAsync());

        // A clock set back (wall-clock correction) counts as due rather than postponing commits.
        var sinceCheckpoint = time.Now - _lastCheckpoint;
        var due = ended || _updates >= settings.Checkpoints.MaxUpdates || sinceCheckpoint >= settings.Checkpoints.Interval || sinceCheckpoint < TimeSpan.Zero;
        if (due && _checkpoint is null)
        {
            _checkpoint = CheckpointAsync();
            if (idle)
                released.AddRange(await ReleaseCheckpointAsync());
            else
                _ = _checkpoint.ContinueWith(_ => checkpointDone(), TaskScheduler.Default);
        }
        return released;
    }

    private void Cover(SourcePosition position)
    {
        var partition = (position.Source, position.Partition);
        if (!_covered.TryGetValue(partition, out var covered) || SourcePosition.CompareOffsets(position.Offset, covered.Offset) > 0)
            _covered[partition] = position;
    }

    private Task AssembleAsync(List<CleanedRecord> records) =>
        Task.WhenAll(records
            .GroupBy(record => settings.Assembly.BucketOf(record.Record.Ind))
            .Select(bucket => Ask<PostsAssembled>(Touch(bucket.Key), new AssembleRecords(bucket.ToList()), settings.Checkpoints.ApplyTimeout)));

    private Task FlushAsync() =>
        Task.WhenAll(Enumerable.Range(0, settings.Assembly.Buckets)
            .Select(bucket => Ask<PostsAssembled>(Touch(bucket), FlushPendingPosts.Instance, settings.Checkpoints.ApplyTimeout)));

    /// <summary>Begins a checkpoint of the buckets touched since the last one began, covering the
    /// positions seen until now; its task yields them once every one of those buckets persisted.</summary>
    private Task<IReadOnlyList<SourcePosition>> CheckpointAsync()
    {
        IReadOnlyList<SourcePosition> positions = _covered.Values.ToList();
        var buckets = _assemblers.ToList();
        _covered.Clear();
        _assemblers.Clear();
        _updates = 0;
        _lastCheckpoint = time.Now;
        return PersistedAsync();

        async Task<IReadOnlyList<SourcePosition>> PersistedAsync()
        {
            await Task.WhenAll(buckets.Select(bucket => Ask<CheckpointPersisted>(bucket, PersistCheckpoint.Instance, settings.Checkpoints.PersistTimeout)));
            return positions;
        }
    }

    /// <summary>Waits for the running checkpoint (failing as it failed) and yields its positions.</summary>
    private async Task<IReadOnlyList<SourcePosition>> ReleaseCheckpointAsync()
    {
        var checkpoint = _checkpoint!;
        _checkpoint = null;
        return await checkpoint;
    }

    private string Touch(int bucket)
    {
        var id = Id(bucket);
        _assemblers.Add(id);
        return id;
    }

    /// <summary>Asks a bucket, again after a refusal or a timeout (a hand-off in progress): every
    /// request is safe to repeat.</summary>
    private async Task<T> Ask<T>(string bucket, object message, TimeSpan timeout)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await regions.Assemblers.Ask<T>(new ShardingEnvelope(bucket, message), timeout);
            }
            catch (Exception) when (attempt < settings.Checkpoints.BucketAttempts)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
        }
    }

    private static string Id(int bucket) => bucket.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
