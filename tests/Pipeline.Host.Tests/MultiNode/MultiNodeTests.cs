using System.Net;
using System.Text.Json;
using Pipeline.Actors.Emulation;
using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kafka;
using Pipeline.Host.Configuration;
using Pipeline.Host.Ingest;
using Pipeline.Host.Tests.Postgres;
using Pipeline.Host.Tests.Verbs;
using Xunit;
using Xunit.Abstractions;

namespace Pipeline.Host.Tests.MultiNode;

/// <summary>
/// Three real <c>pipeline run</c> processes on 127.0.0.1 with every role, one cluster through the
/// same <c>PIPELINE_SEEDS</c>, sharing one Kafka (a librdkafka mock cluster this test runs), one
/// PostgreSQL journal and one lake folder, lose one node to a crash and one to a graceful leave
/// while posts arrive, and still answer exactly as a single node given the same posts.
/// </summary>
public class MultiNodeTests(ITestOutputHelper output)
{
    private const string Prefix = "0a1b2c3d4e5f";
    private const int Partitions = 6;

    /// <summary>
    /// Failure detection and downing, shortened from hocon/cluster.conf's production timings (10 s
    /// heartbeat pause + 20 s stable-after, and Kafka's 45 s session timeout) so that a crashed node
    /// is downed, and its shards and partitions move, within about 10 s instead of 30 to 45 s. Still
    /// seconds, not less: the three processes share two busy cores, and a node that stalls in a GC
    /// or behind the other helpers' builds must not be taken for dead. <c>down-all-when-unstable</c>
    /// is off for the same reason: with a 4 s stable-after its window is 3 s, and one stall during
    /// the crash would down the whole cluster; the production setting keeps it. A batch of live
    /// state that was on its way to the crashed node's entities is lost with it, and the stage waits
    /// its apply-timeout (60 s in production) before it fails and its source restarts from the
    /// committed positions: 20 s here. Posts still incomplete when the input stops (a part was
    /// quarantined) are emitted after 2 s instead of 60 s (<see cref="LiveAnswers.IdleFlush"/>).
    /// </summary>
    private const string FastFailover = $$"""
        akka.cluster.failure-detector.acceptable-heartbeat-pause = 4s
        akka.cluster.split-brain-resolver.stable-after = 4s
        akka.cluster.split-brain-resolver.down-all-when-unstable = off
        pipeline.live.checkpoints.apply-timeout = 20s
        {{LiveAnswers.IdleFlush}}
        pipeline.kafka.consumer-properties {
          "session.timeout.ms" = "6000"
          "heartbeat.interval.ms" = "1000"
        }
        """;

    /// <summary>60 posters for 600 posts: most post several times, so a post counted twice or lost
    /// shows in their counts; 600 posts over three phases keep each phase a few seconds long.</summary>
    private static readonly EmulatorSettings Emulated = EmulatorSettings.Synthetic(seed: 7, posts: 600) with
    {
        Start = DateTimeOffset.Parse("2021-03-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        Profiles = 60,
    };

    /// <summary>What goes wrong while the posts arrive.</summary>
    public enum Fault
    {
        None,
        TwoGracefulLeaves,
        CrashThenGracefulLeave,
    }

    [Fact]
    public Task Three_nodes_answer_as_one_node_does() => ScenarioAsync(Fault.None);

    [Fact]
    public Task Two_graceful_leaves_under_load_change_no_answer() => ScenarioAsync(Fault.TwoGracefulLeaves);

    [Fact]
    public Task A_crash_and_a_graceful_leave_under_load_change_no_answer() => ScenarioAsync(Fault.CrashThenGracefulLeave);

    private async Task ScenarioAsync(Fault fault)
    {
        var posts = UserPostingEmulator.Posts(Emulated, TimeProvider.System).ToList();
        var phases = posts.Chunk(posts.Count / 3).Select(chunk => chunk.SelectMany(post => post.Records()).ToList()).ToList();
        var records = phases.Sum(phase => phase.Count);

        // First, alone: three more processes beside it would slow it past its own timeouts here.
        var expected = await SingleNodeAnswersAsync(phases);

        using var kafka = MockKafkaCluster.Start();
        var topics = Enum.GetValues<Table>().Select(table => StreamNames.Topic(Prefix, table)).ToList();
        foreach (var topic in topics)
            kafka.CreateTopic(topic, Partitions);
        await using var postgres = await PostgresServer.StartAsync();
        var journal = await postgres.CreateDatabaseAsync("pipeline");
        var lake = Directory.CreateTempSubdirectory("pipeline-shared-lake-").FullName;
        var ports = Enumerable.Range(0, 3).Select(_ => RunningEngine.FreePort()).ToList();
        var seeds = string.Join(",", ports.Select(port => $"127.0.0.1:{port}"));
        var folders = ports.Select(_ => new EngineFolder($"pipeline.lake.folder.path = \"{lake}\"\n{FastFailover}", sqliteJournal: false)).ToList();
        var nodes = new List<RunningEngine>();
        Task<RunningEngine> StartNodeAsync(int i) => RunningEngine.StartProcessAsync(new Dictionary<string, string>
        {
            ["PIPELINE_SEEDS"] = seeds,
            ["PIPELINE_PORT"] = ports[i].ToString(System.Globalization.CultureInfo.InvariantCulture),
            [KafkaSettings.BootstrapEnvironmentVariable] = kafka.BootstrapServers,
            ["PIPELINE_JOURNAL"] = "postgres",
            [EngineConfig.PostgresConnectionVariable] = journal,
        }, "--config", folders[i].Config);
        try
        {
            // The first node alone creates the journal's tables in the empty database (three at once
            // race on it and one fails to start), as a StatefulSet starts its pods one by one.
            nodes.Add(await StartNodeAsync(0));
            nodes.AddRange(await Task.WhenAll(StartNodeAsync(1), StartNodeAsync(2)));
            var (first, leaving, survivor) = (nodes[0], nodes[1], nodes[2]);
            var poster = new RoundRobinPoster(Prefix, nodes);
            var clock = System.Diagnostics.Stopwatch.StartNew();

            await poster.PostAsync(phases[0]);
            output.WriteLine($"{clock.Elapsed}: {poster.Posted} records posted over 3 nodes");

            if (fault == Fault.CrashThenGracefulLeave)
            {
                // The crash: the first seed, the oldest node (the shard coordinators and the history
                // job live there), dies with records delivered to it but not committed. The balancer
                // stops sending to it first, so no post is in doubt.
                poster.Remove(first);
                await first.KillAsync();
                await poster.PostAsync(phases[1]);
            }
            else if (fault == Fault.TwoGracefulLeaves)
            {
                // The oldest node leaves gracefully while posts arrive: its coordinators and the
                // history job move with the shards and partitions.
                await LeaveMidwayAsync(poster, first, phases[1]);
            }
            else
            {
                await poster.PostAsync(phases[1]);
            }

            await GroupProgress.WhenCommittedAsync(kafka.BootstrapServers, "pipeline", topics, Partitions, poster.Posted);
            output.WriteLine($"{clock.Elapsed}: {poster.Posted} records committed");

            // The graceful leave, while posts keep arriving: the leaving node answers 503 from its
            // first shutdown phase on and the balancer sends its share to the survivor; its
            // partitions and shards move under load.
            if (fault == Fault.None)
                await poster.PostAsync(phases[2]);
            else
                await LeaveMidwayAsync(poster, leaving, phases[2]);
            Assert.Equal(records, poster.Posted);
            await GroupProgress.WhenCommittedAsync(kafka.BootstrapServers, "pipeline", topics, Partitions, records);
            output.WriteLine($"{clock.Elapsed}: all {records} records committed");

            var actual = await LiveAnswers.SettledAsync(survivor);
            Assert.True(expected.Profiles.Count is > 20 and < LiveAnswers.BoardLimit, $"{expected.Profiles.Count} profiles");
            var history = new Dictionary<string, string>();
            await survivor.Eventually(async () => (await survivor.Http.PostAsync("/api/history/run", null)).StatusCode == HttpStatusCode.OK ? "ran" : null);
            foreach (var metric in expected.Metrics.Keys)
            {
                using var table = JsonDocument.Parse(await LiveAnswers.AnswerAsync(survivor, $"/api/history/{metric}"));
                history[metric] = table.RootElement.GetProperty("rows").GetRawText();
            }

            var differences = expected.Profiles.Except(actual.Profiles).Select(p => $"single node: {p}")
                .Concat(actual.Profiles.Except(expected.Profiles).Select(p => $"cluster: {p}"))
                .Concat(expected.Metrics.Where(m => m.Value != actual.Metrics[m.Key]).Select(m => $"live {m.Key}: {m.Value} != {actual.Metrics[m.Key]}"))
                .Concat(expected.Metrics.Where(m => m.Value != history[m.Key]).Select(m => $"lake {m.Key}: {m.Value} != {history[m.Key]}"))
                .ToList();
            Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
            output.WriteLine($"{clock.Elapsed}: the survivor answers as one node does");
            Assert.Equal(0, await survivor.StopAsync());
        }
        finally
        {
            for (var i = 0; i < nodes.Count; i++)
                output.WriteLine($"node {i}:{Environment.NewLine}{nodes[i].Error}{nodes[i].Output}");
            foreach (var node in nodes)
                await node.DisposeAsync();
            foreach (var folder in folders)
                folder.Dispose();
            Directory.Delete(lake, recursive: true);
        }
    }

    /// <summary>Sends the node SIGTERM once half of <paramref name="records"/> are posted, while
    /// they keep coming: it answers 503 from its first shutdown phase on, the balancer sends its
    /// share elsewhere, and its partitions and shards move under load. It must drain and exit 0.</summary>
    private static async Task LeaveMidwayAsync(RoundRobinPoster poster, RunningEngine node, List<(Table Table, string Json)> records)
    {
        var half = poster.Posted + (records.Count / 2);
        var leave = Task.Run(async () =>
        {
            while (poster.Posted < half)
                await Task.Delay(20);
            return await node.StopAsync();
        });
        await poster.PostAsync(records);
        Assert.Equal(0, await leave);
    }

    /// <summary>The reference: one node on its own (embedded Kafka, SQLite journal, its own lake)
    /// given the same records, with nothing going wrong.</summary>
    private static async Task<LiveAnswers> SingleNodeAnswersAsync(IReadOnlyList<List<(Table Table, string Json)>> phases)
    {
        using var folder = new EngineFolder(LiveAnswers.IdleFlush);
        await using var engine = await RunningEngine.StartAsync("--config", folder.Config);
        var poster = new RoundRobinPoster(Prefix, [engine]);
        foreach (var phase in phases)
            await poster.PostAsync(phase);
        await engine.WhenProcessed(poster.Posted);
        await engine.WhenCommitted();
        return await LiveAnswers.SettledAsync(engine);
    }
}
