using Akka.Actor;
using Akka.Cluster.Sharding;
using Pipeline.Actors.Assembly;
using Pipeline.Actors.Categories;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Cohorts;
using Pipeline.Actors.Leaderboards;
using Pipeline.Actors.Profiles;

namespace Pipeline.Actors.Live;

/// <summary>
/// Delivers assembler changes over the shard regions: a change goes to the profile, category and
/// cohorts of its post (before and after a revision), the profiles' standings to their boards and
/// the categories' minute counts to the categories board. Immutable; every bucket shares one. Each
/// round of messages is collected by one <see cref="ReplyCollector"/> rather than an ask per entity.
/// </summary>
internal sealed class LiveDelivery(
    IActorRefFactory system,
    IActorRef profiles,
    IActorRef categories,
    IActorRef cohorts,
    IActorRef profileBoards,
    IActorRef categoryBoards,
    CheckpointSettings settings) : IChangeDelivery
{
    public IReadOnlyDictionary<ChangeRecipient, List<PostChange>> Route(IReadOnlyList<PostChange> changes)
    {
        var routed = new Dictionary<ChangeRecipient, List<PostChange>>();
        foreach (var change in changes)
        {
            foreach (var profile in Names(change, post => post.PosterName))
                Add(routed, new ChangeRecipient(LiveRegions.ProfileType, profile), change);
            foreach (var category in Names(change, post => post.Category))
                Add(routed, new ChangeRecipient(LiveRegions.CategoryType, category), change);
            var cohortKeys = CohortKeys.Of(change.Current).Concat(change.Previous is null ? [] : CohortKeys.Of(change.Previous)).Distinct();
            foreach (var cohort in cohortKeys)
                Add(routed, new ChangeRecipient(LiveRegions.CohortType, cohort), change);
        }
        return routed;
    }

    public async Task<IReadOnlyList<ChangeRecipient>> DeliverAsync(IReadOnlyList<KeyValuePair<ChangeRecipient, ApplyPostChanges>> deliveries)
    {
        var reports = await ReplyCollector.AskAllAsync(system, deliveries
            .Select(delivery => (RegionOf(delivery.Key), (object)new ShardingEnvelope(delivery.Key.Entity, delivery.Value)))
            .ToList(), settings.ApplyTimeout);
        ThrowIfMissing(reports);

        var standings = new Dictionary<string, List<ProfileStanding>>(StringComparer.Ordinal);
        var changedCategories = new List<CategoryChanged>();
        foreach (var report in reports)
        {
            if (report is CategoryChanged changed)
                changedCategories.Add(changed);
            else if (report is ProfileStanding standing)
                foreach (var board in standing.Boards)
                {
                    if (!standings.TryGetValue(board.BoardId, out var onBoard))
                        standings[board.BoardId] = onBoard = [];
                    onBoard.Add(standing);
                }
        }

        var boards = new List<ChangeRecipient>(standings.Count + 1);
        var updates = new List<(IActorRef, object)>(standings.Count + 1);
        foreach (var (board, onBoard) in standings)
        {
            boards.Add(new ChangeRecipient(LiveRegions.ProfileBoardType, board));
            updates.Add((profileBoards, new ShardingEnvelope(board, new UpdateProfileBoard(onBoard))));
        }
        if (changedCategories.Count > 0)
        {
            boards.Add(new ChangeRecipient(LiveRegions.CategoryBoardType, BoardIds.Categories));
            updates.Add((categoryBoards, new ShardingEnvelope(BoardIds.Categories, new UpdateCategoryBoard(changedCategories))));
        }
        await ReplyCollector.AskAllAsync(system, updates, settings.ApplyTimeout);
        return boards;
    }

    public async Task ConfirmAsync(int bucket, IReadOnlyDictionary<ChangeRecipient, long> through, IReadOnlyCollection<ChangeRecipient> boards)
    {
        var confirmations = await ReplyCollector.AskAllAsync(system, through
            .Select(consumer => (RegionOf(consumer.Key), (object)new ShardingEnvelope(consumer.Key.Entity, new ConfirmChanges(bucket, consumer.Value))))
            .ToList(), settings.PersistTimeout);
        ThrowIfMissing(confirmations);
        await ReplyCollector.AskAllAsync(system, boards
            .Select(board => (RegionOf(board), (object)new ShardingEnvelope(board.Entity, PersistCheckpoint.Instance)))
            .ToList(), settings.PersistTimeout);
    }

    private static void ThrowIfMissing(object[] replies)
    {
        foreach (var reply in replies)
            if (reply is ChangesMissing missing)
                throw new InvalidOperationException($"{missing.PersistenceId} lacks changes of bucket {missing.Bucket} after {missing.Highest}");
    }

    private IActorRef RegionOf(ChangeRecipient recipient) => recipient.Region switch
    {
        LiveRegions.ProfileType => profiles,
        LiveRegions.CategoryType => categories,
        LiveRegions.CohortType => cohorts,
        LiveRegions.ProfileBoardType => profileBoards,
        LiveRegions.CategoryBoardType => categoryBoards,
        _ => throw new ArgumentException($"no region {recipient.Region}", nameof(recipient)),
    };

    private static void Add(Dictionary<ChangeRecipient, List<PostChange>> routed, ChangeRecipient recipient, PostChange change)
    {
        if (!routed.TryGetValue(recipient, out var list))
            routed[recipient] = list = [];
        list.Add(change);
    }

    private static IEnumerable<string> Names(PostChange change, Func<AssembledPost, string?> name)
    {
        var current = name(change.Current);
        if (current is not null)
            yield return current;
        if (change.Previous is not null && name(change.Previous) is { } previous && previous != current)
            yield return previous;
    }
}
