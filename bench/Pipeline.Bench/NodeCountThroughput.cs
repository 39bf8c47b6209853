using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Confluent.Kafka;
using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kafka;
using Pipeline.Host.Configuration;
using Pipeline.Host.Tests.MultiNode;
using Pipeline.Host.Tests.Postgres;
using Pipeline.Host.Tests.Verbs;

namespace Pipeline.Bench;

/// <summary>One run of the full path on <see cref="Nodes"/> engine processes.</summary>
/// <param name="Elapsed">From the first record produced until the group committed every record.</param>
/// <param name="Produce">How long producing the records took (inside <see cref="Elapsed"/>).</param>
/// <param name="EngineCpu">Processor time of all engine processes over <see cref="Elapsed"/>.</param>
/// <param name="Failure">Why the run did not commit every record, or null when it did.</param>
internal sealed record NodeRun(int Nodes, int Records, TimeSpan Elapsed, TimeSpan Produce, TimeSpan EngineCpu, string? Failure = null)
{
    public double RecordsPerSecond => Records / Elapsed.TotalSeconds;

    public double CpuMicrosecondsPerRecord => EngineCpu.TotalMicroseconds / Records;
}

/// <summary>
/// The full path of <c>pipeline run</c> on 1, 2 and 3 engine processes on this machine, started as
/// the multi-node test suite starts them (every role, the same <c>PIPELINE_SEEDS</c>, one
/// PostgreSQL journal, one lake folder, one librdkafka mock cluster run here). Each run gets a fresh
/// broker, database and lake. Once every node holds its share of the partitions and a warm-up
/// batch went through the whole path (shards allocated, regions registered on every node), the
/// measured posts are produced and the clock runs until the consumer group committed every
/// partition to its end, read from the broker: commits follow the lake and live state making
/// records durable. A run that does not get there is reported as failed, not measured.
/// </summary>
internal static class NodeCountThroughput
{
    private const string Prefix = "bench";

    /// <summary>hocon/kafka.conf's <c>group-id</c>, the group every node consumes in.</summary>
    private const string Group = "pipeline";

    /// <summary>Below the mock broker's trim (about 5 MB per partition) with room for overheads.</summary>
    private const long PartitionBudgetBytes = 3_500_000;

    /// <summary>
    /// The lake's idle rotation and live-state checkpoints shortened from the production 30 s and
    /// 5 s, so the tail of a run (the last lake objects and the last checkpoint, both before their
    /// positions commit) is a small part of its time. The Kafka session shortened from 45 s: the
    /// mock broker waits up to the session timeout for every member to rejoin a rebalance, and a
    /// node joining a cooperative-sticky group takes two rebalances: with 45 s the shares had not
    /// settled 90 s after the nodes were up.
    /// </summary>
    private const string Overlay = """
        pipeline.lake.rotate-idle = 1s
        pipeline.live.checkpoints.interval = 2s
        pipeline.kafka.consumer-properties {
          "session.timeout.ms" = "6000"
          "heartbeat.interval.ms" = "1000"
        }
        """;

    public static string Settings => "lake rotate-idle 1 s, live checkpoints every 2 s, Kafka session 6 s, PostgreSQL journal (fsync off)";

    /// <summary>Posts of the warm-up batch (another seed of the emulator).</summary>
    public const int WarmUpPosts = 300;

    public static async Task<IReadOnlyList<NodeRun>> RunAsync(IReadOnlyList<int> nodeCounts, int posts, int profiles, TextWriter progress)
    {
        var warmUp = LiveKafkaBench.EmulatedRecords(WarmUpPosts, profiles, seed: 3);
        var records = LiveKafkaBench.EmulatedRecords(posts, profiles, seed: 7);
        // The same number of partitions in every topic, a multiple of 6 so that 1, 2 and 3 nodes
        // hold equal shares.
        var largestTable = records.Concat(warmUp).GroupBy(record => record.Table).Max(table => table.Sum(record => (long)record.Value.Length + 40));
        var partitions = 6 * (int)Math.Ceiling(largestTable / (6.0 * PartitionBudgetBytes));
        await using var postgres = await PostgresServer.StartAsync();
        var runs = new List<NodeRun>();
        foreach (var (nodes, index) in nodeCounts.Select((nodes, index) => (nodes, index)))
        {
            var journal = await postgres.CreateDatabaseAsync(string.Create(CultureInfo.InvariantCulture, $"run_{index}"));
            var run = await MeasureAsync(nodes, journal, warmUp, records, partitions, progress);
            Log(progress, run.Failure ?? $"{nodes} node(s): {run.Records:N0} records committed in {run.Elapsed.TotalSeconds:F1} s (produced in the first {run.Produce.TotalSeconds:F1} s)");
            runs.Add(run);
        }

        return runs;
    }

    /// <param name="journal">The connection string of the run's own, empty journal database.</param>
    private static async Task<NodeRun> MeasureAsync(int nodes, string journal, List<(Table Table, byte[] Value)> warmUp, List<(Table Table, byte[] Value)> records, int partitions, TextWriter progress)
    {
        using var kafka = MockKafkaCluster.Start();
        var topics = Enum.GetValues<Table>().Select(table => KafkaTopics.Name(Prefix, table)).ToList();
        foreach (var topic in topics)
            kafka.CreateTopic(topic, partitions);
        var lake = Directory.CreateTempSubdirectory("pipeline-bench-lake-").FullName;
        var ports = Enumerable.Range(0, nodes).Select(_ => RunningEngine.FreePort()).ToList();
        var seeds = string.Join(",", ports.Select(port => $"127.0.0.1:{port}"));
        var folders = ports.Select(_ => new EngineFolder($"pipeline.lake.folder.path = \"{lake}\"\n{Overlay}", sqliteJournal: false)).ToList();
        var engines = new List<RunningEngine>();
        Task<RunningEngine> StartAsync(int i) => RunningEngine.StartProcessAsync(new Dictionary<string, string>
        {
            [ClusterSettings.SeedsVariable] = seeds,
            [ClusterSettings.PortVariable] = ports[i].ToString(CultureInfo.InvariantCulture),
            [KafkaSettings.BootstrapEnvironmentVariable] = kafka.BootstrapServers,
            ["PIPELINE_JOURNAL"] = "postgres",
            [EngineConfig.PostgresConnectionVariable] = journal,
        }, "--config", folders[i].Config);
        try
        {
            Log(progress, $"starting {nodes} node(s)");
            // The first node alone creates the journal's tables, as the multi-node suite starts them.
            engines.Add(await StartAsync(0));
            engines.AddRange(await Task.WhenAll(Enumerable.Range(1, nodes - 1).Select(StartAsync)));
            await WhenBalancedAsync(engines, topics.Count * partitions);
            RoundRobinProducer.Produce(kafka.BootstrapServers, Prefix, warmUp, _ => partitions);
            await GroupProgress.WhenCommittedAsync(kafka.BootstrapServers, Group, topics, partitions, warmUp.Count);
            Log(progress, $"{nodes} node(s) up, {topics.Count * partitions / nodes} partitions each, warmed up; producing {records.Count:N0} records");

            var cpuBefore = TotalCpu(engines);
            var clock = Stopwatch.StartNew();
            RoundRobinProducer.Produce(kafka.BootstrapServers, Prefix, records, _ => partitions);
            var produced = clock.Elapsed;
            await GroupProgress.WhenCommittedAsync(kafka.BootstrapServers, Group, topics, partitions, warmUp.Count + records.Count);
            var elapsed = clock.Elapsed;
            return new NodeRun(nodes, records.Count, elapsed, produced, TotalCpu(engines) - cpuBefore);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            foreach (var engine in engines)
            {
                // Without the progress line the node writes every second.
                var log = (engine.Error + engine.Output).Split(Environment.NewLine).Where(line => !line.Contains("/s; ", StringComparison.Ordinal));
                await progress.WriteLineAsync($"node log:{Environment.NewLine}{string.Join(Environment.NewLine, log)}");
            }

            return new NodeRun(nodes, records.Count, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, $"{nodes} node(s) failed: {e.Message}");
        }
        finally
        {
            // Nothing after the measurement matters: the nodes are killed, not drained.
            foreach (var engine in engines)
            {
                await engine.KillAsync();
                await engine.DisposeAsync();
            }

            foreach (var folder in folders)
                folder.Dispose();
            Directory.Delete(lake, recursive: true);
        }
    }

    private static void Log(TextWriter progress, string line) =>
        progress.WriteLine($"cluster {DateTime.UtcNow:HH:mm:ss}: {line}");

    private static TimeSpan TotalCpu(IEnumerable<RunningEngine> engines) =>
        engines.Aggregate(TimeSpan.Zero, (sum, engine) => sum + engine.ProcessorTime);

    /// <summary>Waits until the nodes hold every partition between them, in equal shares (no
    /// rebalance left to come), each according to its own <c>/api/status</c>.</summary>
    private static async Task WhenBalancedAsync(IReadOnlyList<RunningEngine> engines, int partitions)
    {
        var deadline = Stopwatch.StartNew();
        var held = new List<int>();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            held.Clear();
            foreach (var engine in engines)
            {
                using var status = JsonDocument.Parse(await engine.Http.GetStringAsync("/api/status"));
                held.Add(status.RootElement.GetProperty("kafka").GetProperty("partitions").GetArrayLength());
            }

            if (held.All(count => count == partitions / engines.Count))
                return;
            await Task.Delay(200);
        }

        throw new TimeoutException($"the nodes did not share the {partitions} partitions within 90 s: they hold {string.Join(", ", held)}");
    }
}
