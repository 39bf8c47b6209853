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
/// the categories' minute counts to the categories board. Immutable; every bucket shares one.
/// </summary>
internal sealed class LiveDelivery(
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
        var reports = await Task.WhenAll(deliveries.Select(delivery =>
            RegionOf(delivery.Key).Ask<object>(new ShardingEnvelope(delivery.Key.Entity, delivery.Value), settings.ApplyTimeout)));
        if (reports.OfType<ChangesMissing>().FirstOrDefault() is { } missing)
            throw new InvalidOperationException($"{missing.PersistenceId} lacks changes of bucket {missing.Bucket} after {missing.Highest}");

        var boards = new List<ChangeRecipient>();
        var updates = new List<Task>();
        foreach (var board in reports.OfType<ProfileStanding>()
            .SelectMany(standing => standing.Boards.Select(board => (board.BoardId, Standing: standing)))
            .GroupBy(entry => entry.BoardId, StringComparer.Ordinal))
        {
            boards.Add(new ChangeRecipient(LiveRegions.ProfileBoardType, board.Key));
            updates.Add(profileBoards.Ask<BoardUpdated>(
                new ShardingEnvelope(board.Key, new UpdateProfileBoard(board.Select(entry => entry.Standing).ToList())), settings.ApplyTimeout));
        }
        var changedCategories = reports.OfType<CategoryChanged>().ToList();
        if (changedCategories.Count > 0)
        {
            boards.Add(new ChangeRecipient(LiveRegions.CategoryBoardType, BoardIds.Categories));
            updates.Add(categoryBoards.Ask<BoardUpdated>(
                new ShardingEnvelope(BoardIds.Categories, new UpdateCategoryBoard(changedCategories)), settings.ApplyTimeout));
        }
        await Task.WhenAll(updates);
        return boards;
    }

    public async Task ConfirmAsync(int bucket, IReadOnlyDictionary<ChangeRecipient, long> through, IReadOnlyCollection<ChangeRecipient> boards)
    {
        var confirmations = await Task.WhenAll(through.Select(consumer =>
            RegionOf(consumer.Key).Ask<object>(new ShardingEnvelope(consumer.Key.Entity, new ConfirmChanges(bucket, consumer.Value)), settings.PersistTimeout)));
        if (confirmations.OfType<ChangesMissing>().FirstOrDefault() is { } missing)
            throw new InvalidOperationException($"{missing.PersistenceId} lacks changes of bucket {missing.Bucket} after {missing.Highest}");
        await Task.WhenAll(boards.Select(board =>
            RegionOf(board).Ask<CheckpointPersisted>(new ShardingEnvelope(board.Entity, PersistCheckpoint.Instance), settings.PersistTimeout)));
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
