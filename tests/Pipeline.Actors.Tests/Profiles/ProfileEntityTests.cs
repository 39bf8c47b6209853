using Akka.Actor;
using Akka.Cluster.Sharding;
using Pipeline.Actors.Assembly;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Live;
using Pipeline.Actors.Profiles;
using Pipeline.Actors.Tests.Live;
using Xunit;
using static Pipeline.Actors.Tests.Live.TestRecords;

namespace Pipeline.Actors.Tests.Profiles;

public sealed class ProfileEntityTests : LiveTestKit
{
    public ProfileEntityTests()
        : base("pipeline.live.passivate-after = 1s")
    {
    }

    private static PostChange Change(long sequence, long ind, long followers, string category) => new(
        0,
        sequence,
        null,
        new AssembledPost(ind, Start.AddMinutes(ind), new PinFacts("ann", followers, category), new GeoFacts("Chad", Year(2020)), new UserFacts("Ann", 30, Year(2016))));

    [Fact]
    public async Task An_idle_profile_saves_passivates_and_comes_back_from_its_snapshot_ignoring_replays()
    {
        var regions = await LiveTestSystem.StartAsync(Sys);
        var profiles = regions.Profiles;
        var standing = await profiles.Ask<ProfileStanding>(new ShardingEnvelope("ann", new ApplyPostChanges(0, [Change(1, 1, 10, "art"), Change(2, 2, 20, "food")], null)));
        Assert.Equal(2, standing.Posts);

        // No checkpoint was asked for: the entity must save on its own before it passivates.
        await AwaitConditionAsync(async () => !(await EntitiesAsync(profiles)).Contains("ann"), TimeSpan.FromSeconds(15));

        var view = await profiles.Ask<ProfileView>(new ShardingEnvelope("ann", new GetProfile("ann", Start.AddHours(1))));
        Assert.Equal((2, 20L), (view.Posts, view.FollowerCount!.Value));
        Assert.Contains("ann", await EntitiesAsync(profiles));

        var replayed = await profiles.Ask<ProfileStanding>(new ShardingEnvelope("ann", new ApplyPostChanges(0, [Change(2, 3, 99, "travel")], null)));
        Assert.Equal((2, 20L), (replayed.Posts, replayed.FollowerCount!.Value));
        var next = await profiles.Ask<ProfileStanding>(new ShardingEnvelope("ann", new ApplyPostChanges(0, [Change(3, 3, 99, "travel")], 2)));
        Assert.Equal((3, 99L), (next.Posts, next.FollowerCount!.Value));
    }

    [Fact]
    public async Task A_profile_refuses_a_delivery_or_a_confirmation_that_shows_it_lacks_earlier_changes()
    {
        var regions = await LiveTestSystem.StartAsync(Sys);
        var profiles = regions.Profiles;
        await profiles.Ask<ProfileStanding>(new ShardingEnvelope("ann", new ApplyPostChanges(0, [Change(1, 1, 10, "art")], null)));

        var gap = await profiles.Ask<object>(new ShardingEnvelope("ann", new ApplyPostChanges(0, [Change(4, 4, 40, "art")], 3)));
        Assert.Equal(new ChangesMissing("profile-ann", 0, 1), gap);
        Assert.Equal(new ChangesMissing("profile-ann", 0, 1), await profiles.Ask<object>(new ShardingEnvelope("ann", new ConfirmChanges(0, 2))));
        var view = await profiles.Ask<ProfileView>(new ShardingEnvelope("ann", new GetProfile("ann", Start)));
        Assert.Equal(1, view.Posts);

        Assert.IsType<CheckpointPersisted>(await profiles.Ask<object>(new ShardingEnvelope("ann", new ConfirmChanges(0, 1))));
        Assert.IsType<ProfileStanding>(await profiles.Ask<object>(new ShardingEnvelope("ann", new ApplyPostChanges(0, [Change(2, 2, 20, "art")], 1))));
    }

    private static async Task<HashSet<string>> EntitiesAsync(IActorRef region)
    {
        var state = await region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance);
        return state.Shards.SelectMany(shard => shard.EntityIds).ToHashSet();
    }
}
