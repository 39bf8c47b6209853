using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Pipeline.Actors.Assembly;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Live;
using Pipeline.Actors.Profiles;

namespace Pipeline.Bench;

/// <summary>
/// The live-state figures of issue 5: <see cref="LiveKafkaBench"/> (full path against the bare
/// consume loop, latency), and the memory of profile entities while active and once passivated.
/// </summary>
public static class LiveStateBench
{
    /// <summary>The full path beside the bare consume loop and the latency at a fixed offered rate;
    /// each figure is written to <paramref name="output"/> once known.</summary>
    public static Task RunAsync(TextWriter output, int posts = 60_000, int profiles = 20_000) =>
        LiveKafkaBench.RunAsync(output, LiveBenchKnobs.Posts(posts), LiveBenchKnobs.Posters(profiles), offeredRate: 5_000, offeredFor: TimeSpan.FromSeconds(20), Folder());

    /// <summary>Memory per profile entity, active and passivated.</summary>
    public static async Task RunMemoryAsync(TextWriter output, int profiles = 200_000)
    {
        profiles = LiveBenchKnobs.Profiles(profiles);
        foreach (var line in await MeasureMemoryAsync(Path.Combine(Folder(), "memory.db"), profiles))
            output.WriteLine(line);
    }

    private static string Folder() => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "pipeline-live-bench")).FullName;

    /// <summary>One post per profile, sent straight to the profile region, then a checkpoint; memory
    /// is compared after a full GC with no entity, all entities active, and all passivated. Entities
    /// are passivated with the stop message the shard sends them (<see cref="StopEntity"/>) once all
    /// are active: idle passivation while later ones still start would race their journal reads
    /// against its saves on SQLite's one writer, and the earliest would be gone before "all active".</summary>
    private static async Task<IReadOnlyList<string>> MeasureMemoryAsync(string database, int count)
    {
        var (system, regions) = await StartAsync(database, "pipeline.live.passivate-after = 1h");
        try
        {
            var region = regions.Profiles;
            var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var baseline = Settle();
            var phase = Phase.Start();
            // In chunks, so that the journal queries of starting entities queue in the bench, not in
            // the journal (where they would time out on a loaded machine).
            foreach (var chunk in Enumerable.Range(0, count).Chunk(200))
                await Task.WhenAll(chunk.Select(i => region.Ask<ProfileStanding>(new ShardingEnvelope(
                    $"profile-{i:D7}",
                    new ApplyPostChanges(0, [new PostChange(0, i + 1, null, new AssembledPost(i, start.AddSeconds(i), new PinFacts($"profile-{i:D7}", 1000 + i, "art"), new GeoFacts("Chad", start), new UserFacts("u", 30, start)))], null)),
                    TimeSpan.FromSeconds(60))));
            var started = phase.Report("start (recovery) + first change", count);
            var active = Settle();
            phase = Phase.Start();
            // A checkpoint, as the live path takes every few seconds: passivation then has nothing left to write.
            foreach (var chunk in Enumerable.Range(0, count).Chunk(1000))
                await Task.WhenAll(chunk.Select(i => region.Ask<CheckpointPersisted>(new ShardingEnvelope($"profile-{i:D7}", PersistCheckpoint.Instance), TimeSpan.FromSeconds(120))));
            var checkpointed = phase.Report("checkpoint (one snapshot each)", count);
            foreach (var i in Enumerable.Range(0, count))
                region.Tell(new ShardingEnvelope($"profile-{i:D7}", StopEntity.Instance));
            var passivatedBy = Stopwatch.StartNew();
            while (await EntityCountAsync(region) > 0 && passivatedBy.Elapsed < TimeSpan.FromMinutes(10))
                await Task.Delay(1000);
            var passivated = Settle();
            return
            [
                started,
                checkpointed,
                $"memory per active profile entity (one post each, {count:N0} entities): {(active - baseline) / (double)count:N0} bytes (heap {baseline / 1e6:F1} -> {active / 1e6:F1} MB)",
                $"memory per passivated profile entity ({count:N0} entities, {await EntityCountAsync(region)} still active): {(passivated - baseline) / (double)count:N0} bytes (heap {baseline / 1e6:F1} -> {passivated / 1e6:F1} MB; within GC noise of 0 when small or negative)",
            ];
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>Wall and process CPU time of one phase of the memory run.</summary>
    private readonly record struct Phase(Stopwatch Wall, TimeSpan Cpu)
    {
        public static Phase Start() => new(Stopwatch.StartNew(), Process.GetCurrentProcess().TotalProcessorTime);

        public string Report(string name, int entities) =>
            $"profile entity {name}, {entities:N0} entities: {Wall.Elapsed.TotalMicroseconds / entities:N0} us wall, {(Process.GetCurrentProcess().TotalProcessorTime - Cpu).TotalMicroseconds / entities:N0} us cpu per entity";
    }

    private static long Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task<int> EntityCountAsync(IActorRef region)
    {
        var state = await region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(30));
        return state.Shards.Sum(shard => shard.EntityIds.Count);
    }

    /// <summary>A one-node cluster with live state on a fresh SQLite journal at <paramref name="database"/>.</summary>
    internal static async Task<(ActorSystem System, LiveRegions Regions)> StartAsync(string database, string overrides)
    {
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            File.Delete(file);
        SqliteJournalFile.Prepare($"Data Source={database}");
        var hocon = HoconDirectory();
        var config = ConfigurationFactory.ParseString($"""
                akka.loglevel = WARNING
                akka.remote.dot-netty.tcp.port = 0
                akka.cluster.seed-nodes = []
                akka.persistence.journal.sql.connection-string = "Data Source={database}"
                akka.persistence.snapshot-store.sql.connection-string = "Data Source={database}"
                {overrides}
                {LiveBenchKnobs.Hocon}
                """)
            .WithFallback(ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(hocon, "live.conf"))))
            .WithFallback(ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(hocon, "persistence-sqlite.conf"))))
            .WithFallback(ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(hocon, "cluster.conf"))))
            .WithFallback(LiveState.DefaultConfig);
        var system = ActorSystem.Create("pipeline", BootstrapSetup.Create().WithConfig(config).And(SqliteJournalFile.Setup($"Data Source={database}")));
        var cluster = Cluster.Get(system);
        var up = new TaskCompletionSource();
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        await cluster.JoinAsync(cluster.SelfAddress);
        await up.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return (system, LiveRegions.Start(system, LiveStateSettings.FromConfig(config)));
    }

    private static string HoconDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var hocon = Path.Combine(directory.FullName, "hocon");
            if (File.Exists(Path.Combine(hocon, "live.conf")))
                return hocon;
        }
        throw new DirectoryNotFoundException("hocon/live.conf not found above " + AppContext.BaseDirectory);
    }
}
