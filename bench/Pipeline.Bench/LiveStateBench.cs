using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Akka.Streams;
using Akka.Streams.Dsl;
using Pipeline.Actors.Assembly;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Live;
using Pipeline.Actors.Profiles;
using Pipeline.Actors.Records;

namespace Pipeline.Bench;

/// <summary>
/// Live state on its own: clean records through <see cref="LiveState.Flow"/> (assembler, profiles,
/// categories, cohorts, leaderboards) with checkpoints every 5 s on a SQLite journal, then the memory
/// of profile entities while active and once passivated. Returns one line per figure.
/// </summary>
public static class LiveStateBench
{
    public static async Task<IReadOnlyList<string>> RunAsync(int posts = 30_000, int profiles = 10_000, int memoryProfiles = 5_000, string? directory = null)
    {
        directory ??= Path.Combine(Path.GetTempPath(), "pipeline-live-bench");
        Directory.CreateDirectory(directory);
        var rows = new List<string>();

        var throughputDb = Path.Combine(directory, "throughput.db");
        var (system, regions) = await StartAsync(throughputDb, "pipeline.live.checkpoints.interval = 5s");
        try
        {
            var settings = LiveStateSettings.FromConfig(system.Settings.Config);
            var input = Generate(posts, profiles);
            var clock = new ArrivalClock();
            var stopwatch = Stopwatch.StartNew();
            var released = await Source.From(input)
                .Via(LiveState.Flow(regions, settings, clock))
                .RunWith(Sink.Seq<SourcePosition>(), system.Materializer());
            stopwatch.Stop();
            rows.Add($"live state full path (assemble, profiles, categories, cohorts, leaderboards; checkpoints every 5 s on SQLite): " +
                $"{input.Count:N0} records, {posts:N0} posts, {profiles:N0} profiles in {stopwatch.Elapsed.TotalSeconds:F1} s = {input.Count / stopwatch.Elapsed.TotalSeconds:N0} records/s ({released.Count} positions released)");
        }
        finally
        {
            await system.Terminate();
        }

        rows.AddRange(await MeasureMemoryAsync(Path.Combine(directory, "memory.db"), memoryProfiles));
        return rows;
    }

    /// <summary>One post per profile, sent straight to the profile region; memory is compared after
    /// a full GC with no entity, all entities active, and all passivated.</summary>
    private static async Task<IReadOnlyList<string>> MeasureMemoryAsync(string database, int count)
    {
        var (system, regions) = await StartAsync(database, "pipeline.live.passivate-after = 10s");
        try
        {
            var region = regions.Profiles;
            var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var baseline = Settle();
            foreach (var chunk in Enumerable.Range(0, count).Chunk(500))
                await Task.WhenAll(chunk.Select(i => region.Ask<ProfileStanding>(new ShardingEnvelope(
                    $"profile-{i:D7}",
                    new ApplyPostChanges([new PostChange(0, i + 1, null, new AssembledPost(i, start.AddSeconds(i), new PinFacts($"profile-{i:D7}", 1000 + i, "art"), new GeoFacts("Chad", start), new UserFacts("u", 30, start)))])),
                    TimeSpan.FromSeconds(60))));
            var active = Settle();
            var passivatedBy = Stopwatch.StartNew();
            while (await EntityCountAsync(region) > 0 && passivatedBy.Elapsed < TimeSpan.FromMinutes(10))
                await Task.Delay(1000);
            var passivated = Settle();
            return
            [
                $"memory per active profile entity (one post each, {count:N0} entities): {(active - baseline) / (double)count:N0} bytes (heap {baseline / 1e6:F1} -> {active / 1e6:F1} MB)",
                $"memory per passivated profile entity ({count:N0} entities, {await EntityCountAsync(region)} still active): {(passivated - baseline) / (double)count:N0} bytes (heap {baseline / 1e6:F1} -> {passivated / 1e6:F1} MB; within GC noise of 0 when small or negative)",
            ];
        }
        finally
        {
            await system.Terminate();
        }
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

    private static async Task<(ActorSystem System, LiveRegions Regions)> StartAsync(string database, string overrides)
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

    /// <summary>Complete posts (pin, geo, user in turn) from a skewed pool of profiles, one record
    /// per millisecond of arrival time, as one partition.</summary>
    private static List<Cleaned> Generate(int posts, int profiles)
    {
        string[] categories = ["art", "beauty", "diy", "education", "event-planning", "fashion", "finance", "food", "home-decor", "mens-fashion", "quotes", "tattoos", "travel", "vehicles"];
        string[] countries = ["Albania", "Chad", "Fiji", "India", "Mali", "Peru", "Togo", "Yemen"];
        var random = new Random(42);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var records = new List<Cleaned>(posts * 3);
        for (long ind = 0; ind < posts; ind++)
        {
            var profile = (int)(profiles * Math.Pow(random.NextDouble(), 1.5));
            var poster = $"profile-{profile:D7}";
            ICleanRecord[] parts =
            [
                new CleanPin(ind, null, null, null, 1000L + profile, poster, null, "image", null, null, categories[random.Next(categories.Length)], true),
                new CleanGeo(ind, countries[random.Next(countries.Length)], null, new DateTimeOffset(2018 + random.Next(5), 1 + random.Next(12), 1, 0, 0, 0, TimeSpan.Zero)),
                new CleanUser(ind, poster, 18 + random.Next(50), new DateTimeOffset(2015 + random.Next(6), 1, 1, 0, 0, 0, TimeSpan.Zero)),
            ];
            foreach (var part in parts)
            {
                var offset = records.Count;
                records.Add(new CleanedRecord(part, [], new SourcePosition("bench", "0", offset.ToString(System.Globalization.CultureInfo.InvariantCulture), start.AddMilliseconds(offset))));
            }
        }
        return records;
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
