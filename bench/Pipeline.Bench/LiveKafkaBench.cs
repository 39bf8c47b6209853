using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using Confluent.Kafka;
using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Emulation;
using Pipeline.Actors.Live;
using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kafka;

namespace Pipeline.Bench;

/// <summary>
/// The full live path on the embedded Kafka broker, beside the bare consume loop in the same run:
/// emulated posts (realistic dirty records, a skewed population of posters) preloaded into
/// <c>live.pin|geo|user</c>, read (a) by a bare Confluent.Kafka consume loop and (b) by
/// <see cref="KafkaSource"/> -> cleaning -> <see cref="LiveState.Flow"/> (assembler, profiles,
/// categories, cohorts, leaderboards, checkpoints every 5 s on SQLite) -> commit, timed until every
/// position was released for commit. Then the latency from arrival to visible through
/// <see cref="LiveQueries"/> at a fixed offered rate.
/// </summary>
public static class LiveKafkaBench
{
    private const long PartitionBudgetBytes = 3_500_000;
    private const int RecordOverheadBytes = 40;

    public static async Task RunAsync(TextWriter output, int posts, int profiles, int offeredRate, TimeSpan offeredFor, string directory)
    {
        using var cluster = MockKafkaCluster.Start();
        var records = EmulatedRecords(posts, profiles, seed: 7);
        var preload = Stopwatch.StartNew();
        Preload(cluster, "live", records);
        Console.Error.WriteLine($"live: preloaded {records.Count:N0} records of {posts:N0} posts in {preload.Elapsed.TotalSeconds:F1} s");

        var bare = Measure(() => BareConsumeLoop(cluster.BootstrapServers, "live", records.Count));
        output.WriteLine($"bare Kafka consume loop ({records.Count:N0} records, {posts:N0} emulated posts, {profiles:N0} posters): {bare.RecordsPerSecond,10:N0} records/s {bare.CpuMicrosecondsPerRecord,8:N1} cpu-us/record");

        var (system, regions) = await LiveStateBench.StartAsync(Path.Combine(directory, "kafka-live.db"), "pipeline.live.checkpoints.interval = 5s");
        try
        {
            var settings = LiveStateSettings.FromConfig(system.Settings.Config);
            var full = Measure(() => FullPathAsync(system, regions, settings, cluster.BootstrapServers, records.Count).GetAwaiter().GetResult());
            output.WriteLine($"full path Kafka -> clean -> assembler -> entities -> leaderboards, 5 s checkpoints on SQLite: {full.RecordsPerSecond,10:N0} records/s {full.CpuMicrosecondsPerRecord,8:N1} cpu-us/record");
            output.WriteLine($"full path / bare loop: {full.RecordsPerSecond / bare.RecordsPerSecond:F3} by wall clock, {bare.CpuMicrosecondsPerRecord / full.CpuMicrosecondsPerRecord:F3} by cpu time per record (goal >= 0.4)");
            if (!LiveBenchKnobs.SkipLatency)
                output.WriteLine(await LatencyAsync(system, regions, settings, cluster, offeredRate, offeredFor));
        }
        finally
        {
            await system.Terminate();
        }
    }

    private readonly record struct Throughput(double RecordsPerSecond, double CpuMicrosecondsPerRecord);

    /// <summary>Wall-clock rate as the run reports it, and the process CPU time per record over the
    /// whole run (the steadier figure on a shared machine).</summary>
    private static Throughput Measure(Func<(double Rate, long Records)> run)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var pauseBefore = GC.GetTotalPauseDuration();
        var gen2Before = GC.CollectionCount(2);
        var wall = Stopwatch.StartNew();
        var (rate, count) = run();
        process.Refresh();
        Console.Error.WriteLine($"live: gc paused {(GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds:F1} s of {wall.Elapsed.TotalSeconds:F1} s ({GC.CollectionCount(2) - gen2Before} full collections), process cpu {(process.TotalProcessorTime - cpuBefore).TotalSeconds:F1} s");
        return new Throughput(rate, (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / count);
    }

    /// <summary>Emulated posts' records with no malformed ones (the latency probes rely on whole posts).</summary>
    internal static List<(Table Table, byte[] Value)> EmulatedRecords(int posts, int profiles, long seed) =>
        UserPostingEmulator.Posts(EmulatorSettings.Synthetic(seed, posts) with { Profiles = profiles, MalformedRate = 0 }, TimeProvider.System)
            .SelectMany(post => post.Records())
            .Select(record => (record.Table, Encoding.UTF8.GetBytes(record.Json)))
            .ToList();

    /// <summary>One topic per table with enough partitions to stay under the mock broker's limit;
    /// records spread round-robin (the sticky partitioner would overfill one partition).</summary>
    private static void Preload(MockKafkaCluster cluster, string prefix, List<(Table Table, byte[] Value)> records)
    {
        var partitions = new Dictionary<Table, int>();
        foreach (var table in records.GroupBy(record => record.Table))
        {
            var bytes = table.Sum(record => (long)record.Value.Length + RecordOverheadBytes);
            partitions[table.Key] = (int)Math.Max(1, Math.Ceiling(bytes / (double)PartitionBudgetBytes));
            cluster.CreateTopic(KafkaTopics.Name(prefix, table.Key), partitions[table.Key]);
        }

        RoundRobinProducer.Produce(cluster.BootstrapServers, prefix, records, table => partitions[table]);
    }

    /// <summary>Records per second from the first record to the last; the consumer is set up as
    /// <see cref="KafkaSource"/> sets up its own.</summary>
    private static (double, long) BareConsumeLoop(string bootstrap, string prefix, int count)
    {
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "live-bare",
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            ConsumeResultFields = "topic,timestamp",
        }).Build();
        consumer.Subscribe(KafkaTopics.Subscription([prefix]));
        return (Pipeline.Bench.BareConsumeLoop.Run(consumer, count), count);
    }

    /// <summary>Records per second from the first record read until every position was released for
    /// commit (the last checkpoint included), committing as <c>pipeline run</c> does.</summary>
    private static async Task<(double, long)> FullPathAsync(ActorSystem system, LiveRegions regions, LiveStateSettings settings, string bootstrap, int count)
    {
        var kafka = new KafkaSettings { BootstrapServers = bootstrap, GroupId = "live-full", TopicPrefixes = ["live"] };
        var released = new Dictionary<(string, string), long>();
        long releasedRecords = 0;
        var first = new TaskCompletionSource<Stopwatch>(TaskCreationOptions.RunContinuationsAsynchronously);
        var all = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var control = new TaskCompletionSource<KafkaControl>(TaskCreationOptions.RunContinuationsAsynchronously);
        var source = KafkaSource.Create(kafka)
            .Select(record =>
            {
                first.TrySetResult(Stopwatch.StartNew());
                return record;
            })
            .Via(CleaningFlow.Create())
            .Via(LiveState.Flow(regions, settings, new ArrivalClock()))
            .ToMaterialized(Sink.ForEach<SourcePosition>(position =>
            {
                control.Task.Result.MarkDoneThrough(position);
                // Offsets count from 0 in each partition, preloaded once: released records are the
                // sum of (highest released offset + 1).
                var key = (position.Source, position.Partition);
                var through = long.Parse(position.Offset, System.Globalization.CultureInfo.InvariantCulture) + 1;
                releasedRecords += through - released.GetValueOrDefault(key);
                released[key] = through;
                if (releasedRecords == count)
                    all.TrySetResult(first.Task.Result.Elapsed);
            }), Keep.Left)
            .Run(system.Materializer());
        control.SetResult(source);
        var elapsed = await all.Task.WaitAsync(TimeSpan.FromMinutes(4));
        await source.DrainAndShutdown(TimeSpan.FromSeconds(10));
        return (count / elapsed.TotalSeconds, count);
    }

    /// <summary>
    /// Emulated posts produced at <paramref name="offeredRate"/> records per second while the full path
    /// reads them; every 20th post is a probe with a poster of its own, and the latency of a probe is
    /// the time from producing its last record until <see cref="LiveQueries.ProfileAsync"/> finds
    /// its poster. (Polling starts the probe's entity before its post arrives, so the latency leaves
    /// out that entity's recovery query.)
    /// </summary>
    private static async Task<string> LatencyAsync(ActorSystem system, LiveRegions regions, LiveStateSettings settings, MockKafkaCluster cluster, int offeredRate, TimeSpan offeredFor)
    {
        const string prefix = "latency";
        foreach (var table in Enum.GetValues<Table>())
            cluster.CreateTopic(KafkaTopics.Name(prefix, table), 3);
        var posts = UserPostingEmulator.Posts(EmulatorSettings.Synthetic(11, (long)(offeredRate * offeredFor.TotalSeconds / 3) + 1) with { MalformedRate = 0 }, TimeProvider.System).ToList();

        var clock = new ArrivalClock();
        var queries = new LiveQueries(regions, settings, clock);
        var kafka = new KafkaSettings { BootstrapServers = cluster.BootstrapServers, GroupId = "live-latency", TopicPrefixes = [prefix] };
        var control = new TaskCompletionSource<KafkaControl>(TaskCreationOptions.RunContinuationsAsynchronously);
        var source = KafkaSource.Create(kafka)
            .Via(CleaningFlow.Create())
            .Via(LiveState.Flow(regions, settings, clock))
            .ToMaterialized(Sink.ForEach<SourcePosition>(position => control.Task.Result.MarkDoneThrough(position)), Keep.Left)
            .Run(system.Materializer());
        control.SetResult(source);

        var pending = new ConcurrentDictionary<string, TimeSpan>();
        var latencies = new ConcurrentBag<double>();
        var watch = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var poller = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested || !pending.IsEmpty)
            {
                await Task.WhenAll(pending.Keys.Select(async probe =>
                {
                    if (await queries.ProfileAsync(probe) is not null && pending.TryRemove(probe, out var produced))
                        latencies.Add((watch.Elapsed - produced).TotalMilliseconds);
                }));
                await Task.Delay(5);
            }
        });

        using (var producer = new ProducerBuilder<Null, byte[]>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers, LingerMs = 1 }).Build())
        {
            var produced = 0L;
            var probes = 0;
            for (var i = 0; i < posts.Count && watch.Elapsed < offeredFor; i++)
            {
                var post = posts[i];
                var probe = i % 20 == 0 && post.Pin is not null ? $"probe-{i:D7}" : null;
                // Paced in steps of a few milliseconds: a sleep per record would oversleep.
                while (produced >= watch.Elapsed.TotalSeconds * offeredRate)
                    await Task.Delay(2);
                foreach (var (table, json) in post.Records())
                {
                    var value = table == Table.Pin && probe is not null ? WithPoster(json, probe) : json;
                    producer.Produce(new TopicPartition(KafkaTopics.Name(prefix, table), (int)(post.Index % 3)), new Message<Null, byte[]> { Value = Encoding.UTF8.GetBytes(value) });
                    produced++;
                }
                if (probe is not null)
                {
                    // Arrival: the moment the last record is handed to the producer (librdkafka sends
                    // within LingerMs; the broker stamps it then).
                    pending[probe] = watch.Elapsed;
                    probes++;
                }
            }

            producer.Flush(TimeSpan.FromSeconds(10));
            var offered = produced / watch.Elapsed.TotalSeconds;
            await stop.CancelAsync();
            await poller.WaitAsync(TimeSpan.FromSeconds(120));
            await source.DrainAndShutdown(TimeSpan.FromSeconds(10));
            var sorted = latencies.Order().ToList();
            double Percentile(double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
            return $"latency arrival -> visible through LiveQueries at {offered:N0} records/s offered for {offeredFor.TotalSeconds:N0} s ({sorted.Count:N0} of {probes:N0} probe posts): " +
                $"p50 {Percentile(0.50):N0} ms, p99 {Percentile(0.99):N0} ms, max {sorted[^1]:N0} ms (goal p99 <= 1000 ms)";
        }
    }

    /// <summary>The pin record with its poster replaced by <paramref name="poster"/>.</summary>
    private static string WithPoster(string pin, string poster)
    {
        var node = JsonNode.Parse(pin)!.AsObject();
        node["poster_name"] = poster;
        return node.ToJsonString();
    }
}
