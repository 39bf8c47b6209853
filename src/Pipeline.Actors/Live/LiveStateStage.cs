using Akka.Actor;
using Akka.Cluster.Sharding;
using Pipeline.Actors.Assembly;
using Pipeline.Actors.Categories;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Cohorts;
using Pipeline.Actors.Leaderboards;
using Pipeline.Actors.Profiles;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Live;

/// <summary>
/// The work of one materialization of <see cref="LiveState.Flow"/>, one batch at a time (never
/// concurrently): assemble the batch's records in their buckets, apply the resulting changes to
/// profiles, categories and cohorts, pass their reports to the leaderboards, and at checkpoints
/// persist everything touched and release the positions covered.
/// <para>A checkpoint persists consumers (profiles, categories, cohorts, boards) before the
/// assembler buckets. After a crash between the two, a bucket replays from its older snapshot and
/// re-emits changes with the same sequence numbers, which the consumers recognise; the reverse order
/// could lose changes a bucket had recorded as emitted.</para>
/// </summary>
internal sealed class LiveStateStage(LiveRegions regions, LiveStateSettings settings, ArrivalClock clock, ITimeProvider time)
{
    private readonly Dictionary<(string Source, string Partition), SourcePosition> _covered = [];
    private readonly HashSet<string> _assemblers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _profiles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _categories = new(StringComparer.Ordinal);
    private readonly HashSet<string> _cohorts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _profileBoards = new(StringComparer.Ordinal);
    private bool _categoryBoard;
    private int _updates;
    private DateTimeOffset _lastCheckpoint = time.Now;

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

        var changes = await AssembleAsync(records);
        if (ended)
            changes.AddRange(await FlushAsync());
        await ApplyAsync(changes);
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

    private async Task<List<PostChange>> AssembleAsync(List<CleanedRecord> records)
    {
        var byBucket = records
            .GroupBy(record => settings.Assembly.BucketOf(record.Record.Ind))
            .OrderBy(bucket => bucket.Key)
            .Select(bucket => Ask<PostsAssembled>(regions.Assemblers, _assemblers, Id(bucket.Key), new AssembleRecords(bucket.ToList())));
        return (await Task.WhenAll(byBucket)).SelectMany(assembled => assembled.Changes).ToList();
    }

    private async Task<IEnumerable<PostChange>> FlushAsync()
    {
        var flushed = await Task.WhenAll(Enumerable.Range(0, settings.Assembly.Buckets)
            .Select(bucket => Ask<PostsAssembled>(regions.Assemblers, _assemblers, Id(bucket), FlushPendingPosts.Instance)));
        return flushed.SelectMany(assembled => assembled.Changes);
    }

    private async Task ApplyAsync(List<PostChange> changes)
    {
        if (changes.Count == 0)
            return;
        var standings = Task.WhenAll(Route(changes, change => Names(change, post => post.PosterName))
            .Select(profile => Ask<ProfileStanding>(regions.Profiles, _profiles, profile.Key, new ApplyPostChanges(profile.Value))));
        var categories = Task.WhenAll(Route(changes, change => Names(change, post => post.Category))
            .Select(category => Ask<CategoryChanged>(regions.Categories, _categories, category.Key, new ApplyPostChanges(category.Value))));
        var cohorts = Task.WhenAll(Route(changes, change => CohortKeys.Of(change.Current).Concat(change.Previous is null ? [] : CohortKeys.Of(change.Previous)).Distinct())
            .Select(cohort => Ask<CohortChangesApplied>(regions.Cohorts, _cohorts, cohort.Key, new ApplyPostChanges(cohort.Value))));

        var boards = (await standings)
            .SelectMany(standing => standing.Boards.Select(board => (board.BoardId, Standing: standing)))
            .GroupBy(entry => entry.BoardId, StringComparer.Ordinal)
            .Select(board => Ask<BoardUpdated>(regions.ProfileBoards, _profileBoards, board.Key, new UpdateProfileBoard(board.Select(entry => entry.Standing).ToList())))
            .ToList();
        var changedCategories = await categories;
        if (changedCategories.Length > 0)
        {
            _categoryBoard = true;
            boards.Add(regions.CategoryBoards.Ask<BoardUpdated>(
                new ShardingEnvelope(BoardIds.Categories, new UpdateCategoryBoard(changedCategories)), settings.Checkpoints.ApplyTimeout));
        }
        await cohorts;
        await Task.WhenAll(boards);
    }

    private async Task<IReadOnlyList<SourcePosition>> CheckpointAsync()
    {
        var consumers = Persist(regions.Profiles, _profiles)
            .Concat(Persist(regions.Categories, _categories))
            .Concat(Persist(regions.Cohorts, _cohorts))
            .Concat(Persist(regions.ProfileBoards, _profileBoards));
        if (_categoryBoard)
            consumers = consumers.Append(Persist(regions.CategoryBoards, BoardIds.Categories));
        await Task.WhenAll(consumers);
        await Task.WhenAll(Persist(regions.Assemblers, _assemblers));

        var positions = _covered.Values.ToList();
        _covered.Clear();
        foreach (var touched in new[] { _assemblers, _profiles, _categories, _cohorts, _profileBoards })
            touched.Clear();
        _categoryBoard = false;
        _updates = 0;
        _lastCheckpoint = time.Now;
        return positions;
    }

    private IEnumerable<Task> Persist(IActorRef region, IEnumerable<string> entities) =>
        entities.Select(entity => Persist(region, entity));

    private Task Persist(IActorRef region, string entity) =>
        region.Ask<CheckpointPersisted>(new ShardingEnvelope(entity, PersistCheckpoint.Instance), settings.Checkpoints.PersistTimeout);

    private Task<T> Ask<T>(IActorRef region, HashSet<string> touched, string entity, object message)
    {
        touched.Add(entity);
        return region.Ask<T>(new ShardingEnvelope(entity, message), settings.Checkpoints.ApplyTimeout);
    }

    /// <summary>Groups changes by the entities they concern, keeping each entity's changes in order.</summary>
    private static Dictionary<string, List<PostChange>> Route(List<PostChange> changes, Func<PostChange, IEnumerable<string>> entitiesOf)
    {
        var routed = new Dictionary<string, List<PostChange>>(StringComparer.Ordinal);
        foreach (var change in changes)
            foreach (var entity in entitiesOf(change))
            {
                if (!routed.TryGetValue(entity, out var list))
                    routed[entity] = list = [];
                list.Add(change);
            }
        return routed;
    }

    private static IEnumerable<string> Names(PostChange change, Func<AssembledPost, string?> name)
    {
        var current = name(change.Current);
        if (current is not null)
            yield return current;
        if (change.Previous is not null && name(change.Previous) is { } previous && previous != current)
            yield return previous;
    }

    private static string Id(int bucket) => bucket.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
