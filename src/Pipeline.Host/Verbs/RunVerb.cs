using Akka.Actor;
using Akka.Cluster.Tools.Singleton;
using Akka.Hosting;
using Akka.Streams.Dsl;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Emulation;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.History;
using Pipeline.Actors.Lake;
using Pipeline.Actors.Live;
using Pipeline.Actors.Sources.Kafka;
using Pipeline.Actors.Sources.Kinesis;
using Pipeline.Actors.Sources.Kinesis.Client;
using Pipeline.Host.Api;
using Pipeline.Host.Cli;
using Pipeline.Host.Configuration;
using Pipeline.Host.Engine;
using Pipeline.Host.Ingest;

namespace Pipeline.Host.Verbs;

/// <summary><c>pipeline run</c>: starts the engine on its embedded default.</summary>
public sealed class RunVerb : IVerb
{
    public string Name => "run";

    public string Summary => "start the engine (embedded Kafka unless one is configured)";

    public string Help => """
        Usage: pipeline run [--config FILE] [--urls URLS] [--emulate [--seed N] [--posts N] [--rate N]]

        Starts the engine: the Kafka source consuming <prefix>.pin|geo|user topics of any prefix, the
        Kinesis sources of streaming-<prefix>-pin|geo|user when Kinesis is enabled
        (pipeline.kinesis.enabled or PIPELINE_KINESIS_ENDPOINT), the cleaning stages, and the HTTP
        ingest API (Kafka REST proxy and Kinesis proxy shapes) with GET /api/status. With no Kafka configured (pipeline.kafka.bootstrap-servers or
        PIPELINE_KAFKA_BOOTSTRAP) it starts an embedded broker, librdkafka's mock cluster, which keeps
        about 5 MB per partition in memory and nothing across restarts. Progress is shown on stderr;
        Ctrl+C drains, commits and stops.

          --config FILE  a HOCON file layered over the defaults in hocon/
          --urls URLS    where HTTP listens (default http://127.0.0.1:8082; env PIPELINE_HTTP_URLS)
          --emulate      also post emulated posts into the engine's Kafka, as topic prefix 'emulator'
          --seed N       seed of the emulated posts (default: pipeline.emulator.seed)
          --posts N      emulate N posts, then stop once all of them are processed
          --rate N       emulated posts per second (default 100; 0 is as fast as Kafka takes them)

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation)
    {
        var arguments = Arguments.Parse(args, ["config", "urls", "seed", "posts", "rate"], ["emulate"]);
        var emulate = arguments.Has("emulate");
        foreach (var option in new[] { "seed", "posts", "rate" })
        {
            if (arguments.Has(option) && !emulate)
                throw new UsageException($"--{option} goes with --emulate");
        }

        var config = EngineConfig.Load(arguments.Text("config"));
        var ingest = IngestSettings.FromConfig(config);
        var urls = arguments.Text("urls") ?? ingest.Urls;
        var emulator = EmulatorSettings.FromConfig(config);
        emulator = emulator with
        {
            Seed = arguments.Whole("seed") ?? emulator.Seed,
            Posts = arguments.Whole("posts", min: 1) ?? emulator.Posts,
        };
        var rate = arguments.Whole("rate", min: 0, max: 1_000_000) ?? 100;

        using var kafka = KafkaConnection.Open(KafkaSettings.FromConfig(config));
        await terminal.Error.WriteLineAsync(kafka.IsEmbedded
            ? $"pipeline: embedded Kafka (in memory, about 5 MB per partition, nothing kept across restarts) at {kafka.BootstrapServers}"
            : $"pipeline: Kafka at {kafka.BootstrapServers}");
        using var producer = new KafkaRecordProducer(kafka.Settings);
        var kinesis = KinesisSettings.FromConfig(config);
        using var kinesisClient = kinesis.Enabled ? new KinesisClient(kinesis) : null;
        IIngestTarget target = new KafkaIngestTarget(kafka, producer);
        if (kinesisClient is not null)
        {
            target = new KinesisIngestTarget(kinesisClient, target);
            await terminal.Error.WriteLineAsync($"pipeline: Kinesis at {kinesisClient.Endpoint}");
        }

        var journal = config.GetString("akka.persistence.journal.sql.connection-string");
        var sqliteJournal = config.GetString("akka.persistence.journal.sql.provider-name") == "SQLite.MS";
        if (sqliteJournal)
            SqliteJournalFile.Prepare(journal);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // The verb's cancellation (Ctrl+C, SIGTERM) drives the shutdown, not the host's own signal handling.
        builder.Services.AddSingleton<IHostLifetime, VerbLifetime>();
        builder.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.Services.AddSingleton(target);
        builder.Services.AddAkka("pipeline", akka =>
        {
            akka.AddHocon(config, HoconAddMode.Prepend);
            if (sqliteJournal)
                akka.AddSetup(SqliteJournalFile.Setup(journal));
        });
        await using var app = builder.Build();
        IngestPath? path = null;
        LiveQueries? queries = null;
        IActorRef? history = null;
        app.MapIngest(ingest);
        app.MapHistory(() => Volatile.Read(ref history));
        app.MapStatus(kafka, () => Volatile.Read(ref path));
        app.MapQueries(() => Volatile.Read(ref queries));

        try
        {
            await app.StartAsync(cancellation);
        }
        catch (IOException e)
        {
            throw new IOException($"cannot listen on {urls}: {e.Message}", e);
        }

        var system = app.Services.GetRequiredService<ActorSystem>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var lake = LakeSettings.FromConfig(config);
        var lakeStore = LakeStores.Create(lake);
        using var lakeDisposal = lakeStore as IDisposable;
        // Ends the lake's retries only when a drain could not finish: a clean stop writes everything.
        using var lakeGiveUp = new CancellationTokenSource();
        await terminal.Error.WriteLineAsync($"pipeline: lake at {lakeStore.Location}");
        var live = LiveStateSettings.FromConfig(config);
        var regions = await StartLiveState(system, config, live);
        var arrivals = new ArrivalClock();
        Volatile.Write(ref queries, new LiveQueries(regions, live, arrivals));
        Volatile.Write(ref history, StartHistory(system, lakeStore, HistorySettings.FromConfig(config)));
        path = IngestPath.Start(system, kafka.Settings, kinesisClient, kinesis,
        [
            LakeSink.Create(lakeStore, lake, system.Log, lakeGiveUp.Token),
            Flow.Create<LakeEntry>().Select(entry => entry.Cleaned).Via(LiveState.Flow(regions, live, arrivals)),
        ]);
        if (kinesisClient is not null)
            await terminal.Error.WriteLineAsync("pipeline: reading the Kinesis shards the shard coordinator assigns to this node");
        await terminal.Error.WriteLineAsync($"pipeline: HTTP ingest and API on {string.Join(", ", app.Urls)}");

        var produced = 0L;
        var feed = emulate
            ? EmulatorFeed.RunAsync(emulator, kafka, producer, rate, () => Interlocked.Increment(ref produced), stop.Token)
            : Task.CompletedTask;

        await using (new Progress(terminal, config.GetTimeSpan("pipeline.run.progress-interval"), () => Outcomes(path.Tally)))
        {
            try
            {
                if (emulate && emulator.Posts is not null)
                {
                    await feed;
                    await WhenProcessed(path.Tally, Interlocked.Read(ref produced), stop.Token);
                }
                else
                {
                    // Runs until Ctrl+C; an emulator without a post limit, or a failing one, ends with its feed.
                    var ended = await Task.WhenAny(Task.Delay(Timeout.Infinite, stop.Token), path.Completion, emulate ? feed : Task.Delay(Timeout.Infinite, stop.Token));
                    await ended;
                }
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                // Ctrl+C: fall through to the graceful stop.
            }

            await stop.CancelAsync();
            lakeGiveUp.CancelAfter(kafka.Settings.DrainTimeout);
            try
            {
                await path.DrainAndShutdownAsync(kafka.Settings.DrainTimeout)
                    .WaitAsync(kafka.Settings.DrainTimeout * 2, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                throw new IOException($"the engine did not drain within {kafka.Settings.DrainTimeout * 2}; what was not committed is read again at the next start");
            }
        }

        foreach (var line in path.Tally.Lines())
            await terminal.Error.WriteLineAsync(line.ToString());
        await app.StopAsync(CancellationToken.None);
        return CommandLine.Ok;
    }

    /// <summary>Forms the cluster (joining itself when no seed nodes are configured, as the embedded
    /// default does) and starts the live-state shard regions once this node is up.</summary>
    private static async Task<LiveRegions> StartLiveState(ActorSystem system, Akka.Configuration.Config config, LiveStateSettings live)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        if (config.GetStringList("akka.cluster.seed-nodes").Count == 0)
            await cluster.JoinAsync(cluster.SelfAddress);
        await up.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return LiveRegions.Start(system, live);
    }

    /// <summary>The scheduled history job runs on one node of the cluster (a singleton); every node
    /// reaches it through a proxy.</summary>
    private static IActorRef StartHistory(ActorSystem system, ILakeStore lake, HistorySettings settings)
    {
        system.ActorOf(ClusterSingletonManager.Props(
            HistoryScheduler.Props(new HistoryJob(lake, settings), settings),
            PoisonPill.Instance,
            ClusterSingletonManagerSettings.Create(system)), "history");
        return system.ActorOf(ClusterSingletonProxy.Props("/user/history", ClusterSingletonProxySettings.Create(system)), "history-proxy");
    }

    private static async Task WhenProcessed(CleaningTally tally, long records, CancellationToken cancellation)
    {
        while (Outcomes(tally).Records < records)
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellation);
    }

    /// <summary>Records cleaned so far and a one-line split of what became of them.</summary>
    private static (long Records, string Counts) Outcomes(CleaningTally tally)
    {
        var lines = tally.Lines();
        var clean = lines.Where(l => l.Kind == TallyKind.Clean).Sum(l => l.Count);
        var quarantined = lines.Where(l => l.Kind == TallyKind.Quarantined).Sum(l => l.Count);
        var nulled = lines.Where(l => l.Kind == TallyKind.FieldIssue).Sum(l => l.Count);
        return (clean + quarantined, $"{clean:N0} clean, {quarantined:N0} quarantined, {nulled:N0} fields nulled");
    }
}
