using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Cluster.Tools.Singleton;
using Pipeline.Actors.History;
using Pipeline.Actors.Lake;
using Pipeline.Actors.Live;
using Pipeline.Actors.Tests.Live;
using Xunit;

namespace Pipeline.Actors.Tests.Serialization;

/// <summary>
/// Two nodes in one process (two actor systems on 127.0.0.1, ephemeral ports, one cluster), each with
/// its own journal. Shards spread over both nodes, so the messages to entities on the other node and
/// their replies really go through the serializers; one without an explicit serializer is refused,
/// its ask times out and the run fails. (Akka's <c>serialize-messages</c> check cannot be used for
/// this: it also serializes Akka's own node-local messages, which have no serializer but JSON.)
/// </summary>
public sealed class TwoNodeClusterTests : IAsyncLifetime
{
    private readonly string _firstDatabase = LiveTestSystem.NewDatabasePath();
    private readonly string _secondDatabase = LiveTestSystem.NewDatabasePath();
    private readonly string _lake = Path.Combine(Path.GetTempPath(), $"pipeline-two-nodes-{Guid.NewGuid():N}");
    private ActorSystem _first = null!;
    private ActorSystem _second = null!;

    public Task InitializeAsync()
    {
        _first = ActorSystem.Create("pipeline", LiveTestSystem.Setup(_firstDatabase));
        _second = ActorSystem.Create("pipeline", LiveTestSystem.Setup(_secondDatabase));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        // The second node leaves first, so neither waits for the other to exit.
        await _second.Terminate().WaitAsync(TimeSpan.FromSeconds(30));
        await _first.Terminate().WaitAsync(TimeSpan.FromSeconds(30));
        File.Delete(_firstDatabase);
        File.Delete(_secondDatabase);
        if (Directory.Exists(_lake))
            Directory.Delete(_lake, recursive: true);
    }

    [Fact]
    public async Task Live_state_spread_over_two_nodes_gives_the_reference_metrics_and_answers_queries_from_either_node()
    {
        var (first, second) = await FormClusterAsync();
        await WhenBothRegionsRegisteredAsync(first.Profiles);
        var records = SyntheticPosts.Records(300, seed: 11);

        var run = new LiveRun(_second, second);
        await run.RunAsync(SyntheticPosts.Stream(records, seed: 11));

        var firstShards = await HostedAsync(first.Profiles);
        var secondShards = await HostedAsync(second.Profiles);
        Assert.NotEmpty(firstShards);
        Assert.NotEmpty(secondShards);
        Assert.Equal(
            ReferenceMetrics.Compute(records).Select(ReferenceMetrics.Render),
            (await run.MetricsAsync()).Select(ReferenceMetrics.Render));

        // A profile that lives on the first node, asked from the second, answers what it answers locally.
        var remote = firstShards.SelectMany(shard => shard.EntityIds).First();
        var fromFirst = await new LiveRun(_first, first).Queries.ProfileAsync(remote);
        var fromSecond = await run.Queries.ProfileAsync(remote);
        Assert.NotNull(fromSecond);
        Assert.Equivalent(fromFirst, fromSecond, strict: true);
        Assert.Equivalent(
            await run.Queries.TopCategoriesAsync("7d"),
            await new LiveRun(_first, first).Queries.TopCategoriesAsync("7d"),
            strict: true);
    }

    [Fact]
    public async Task The_history_singleton_on_the_first_node_answers_the_second_through_its_proxy()
    {
        await FormClusterAsync();
        var settings = HistorySettings.FromConfig(_first.Settings.Config);
        foreach (var system in new[] { _first, _second })
        {
            system.ActorOf(ClusterSingletonManager.Props(
                HistoryScheduler.Props(new HistoryJob(new FolderLakeStore(_lake), settings), settings),
                PoisonPill.Instance,
                ClusterSingletonManagerSettings.Create(system)), "history");
        }

        var proxy = _second.ActorOf(ClusterSingletonProxy.Props("/user/history", ClusterSingletonProxySettings.Create(_second)), "history-proxy");

        var runs = await proxy.Ask<HistoryScheduler.HistoryRuns>(new HistoryScheduler.GetRuns(), TimeSpan.FromSeconds(20));
        var latest = await proxy.Ask<HistoryScheduler.LatestHistory>(new HistoryScheduler.GetLatest("top_country"), TimeSpan.FromSeconds(20));
        Assert.Empty(runs.Runs);
        Assert.Equal(new HistoryScheduler.LatestHistory("top_country", null), latest);
    }

    /// <summary>The first node joins itself, the second joins it; both start the live regions.</summary>
    private async Task<(LiveRegions First, LiveRegions Second)> FormClusterAsync()
    {
        var first = await LiveTestSystem.StartAsync(_first);
        var joined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Cluster.Get(_second).RegisterOnMemberUp(() => joined.TrySetResult());
        await Cluster.Get(_second).JoinAsync(Cluster.Get(_first).SelfAddress);
        await joined.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return (first, LiveRegions.Start(_second, LiveStateSettings.FromConfig(_second.Settings.Config)));
    }

    /// <summary>Waits until the coordinator knows both nodes' regions, so shards go to both.</summary>
    private static async Task WhenBothRegionsRegisteredAsync(IActorRef region)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var stats = await region.Ask<ClusterShardingStats>(new GetClusterShardingStats(TimeSpan.FromSeconds(3)), TimeSpan.FromSeconds(5));
            if (stats.Regions.Count == 2)
                return;
            await Task.Delay(100);
        }

        throw new TimeoutException("the second node's region never registered with the coordinator");
    }

    private static async Task<IReadOnlyCollection<ShardState>> HostedAsync(IActorRef region) =>
        (await region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(5))).Shards;
}
