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
/// </summary>
internal sealed class LiveStateStage(LiveRegions regions, LiveStateSettings settings, ArrivalClock clock, ITimeProvider time)
{
    private readonly Dictionary<(string Source, string Partition), SourcePosition> _covered = [];
    private readonly HashSet<string> _assemblers = new(StringComparer.Ordinal);
    private int _updates;
    private DateTimeOffset _lastCheckpoint = time.Now;
    private DateTimeOffset _lastRecord = time.Now;
    private bool _idleFlushed;

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

        // A clock set back (wall-clock correction) counts as due rather than postponing commits.
        var sinceCheckpoint = time.Now - _lastCheckpoint;
        var due = ended || _updates >= settings.Checkpoints.MaxUpdates || sinceCheckpoint >= settings.Checkpoints.Interval || sinceCheckpoint < TimeSpan.Zero;
        return due ? await CheckpointAsync() : [];
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
            .Select(bucket => Ask<PostsAssembled>(Id(bucket.Key), new AssembleRecords(bucket.ToList()), settings.Checkpoints.ApplyTimeout)));

    private Task FlushAsync() =>
        Task.WhenAll(Enumerable.Range(0, settings.Assembly.Buckets)
            .Select(bucket => Ask<PostsAssembled>(Id(bucket), FlushPendingPosts.Instance, settings.Checkpoints.ApplyTimeout)));

    private async Task<IReadOnlyList<SourcePosition>> CheckpointAsync()
    {
        await Task.WhenAll(_assemblers.Select(bucket => Ask<CheckpointPersisted>(bucket, PersistCheckpoint.Instance, settings.Checkpoints.PersistTimeout)));
        var positions = _covered.Values.ToList();
        _covered.Clear();
        _assemblers.Clear();
        _updates = 0;
        _lastCheckpoint = time.Now;
        return positions;
    }

    /// <summary>Asks a bucket, again after a refusal or a timeout (a hand-off in progress): every
    /// request is safe to repeat.</summary>
    private async Task<T> Ask<T>(string bucket, object message, TimeSpan timeout)
    {
        _assemblers.Add(bucket);
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
