using Akka;
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
using Pipeline.Host.Health;
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
        Ctrl+C or SIGTERM drains, commits, hands the node's shards off and leaves the cluster.
        GET /healthz/live and /healthz/ready answer 200 or 503.

        The node is a cluster member with the roles of pipeline.cluster.roles or PIPELINE_ROLES
        (ingest, state, api; all by default), joining through PIPELINE_SEEDS (host:port,...; by
        default itself), reached at PIPELINE_HOSTNAME and PIPELINE_PORT (hocon/cluster.conf).

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
        var cluster = ClusterSettings.FromConfig(config);
        config = cluster.AkkaOverrides().WithFallback(config);
        var ingesting = cluster.Has(ClusterSettings.Ingest);
        var hostsState = cluster.Has(ClusterSettings.State);
        if (emulate && !ingesting)
            throw new UsageException($"--emulate needs the {ClusterSettings.Ingest} role");
        var ingest = IngestSettings.FromConfig(config);
        var urls = arguments.Text("urls") ?? ingest.Urls;
        var emulator = EmulatorSettings.FromConfig(config);
        emulator = emulator with
        {
            Seed = arguments.Whole("seed") ?? emulator.Seed,
            Posts = arguments.Whole("posts", min: 1) ?? emulator.Posts,
        };
        var rate = arguments.Whole("rate", min: 0, max: 1_000_000) ?? 100;
        await terminal.Error.WriteLineAsync($"pipeline: roles {string.Join(", ", ClusterSettings.AllRoles.Where(cluster.Has))}");

        using var kafka = ingesting ? KafkaConnection.Open(KafkaSettings.FromConfig(config)) : null;
        if (kafka is not null)
        {
            await terminal.Error.WriteLineAsync(kafka.IsEmbedded
                ? $"pipeline: embedded Kafka (in memory, about 5 MB per partition, nothing kept across restarts) at {kafka.BootstrapServers}"
                : $"pipeline: Kafka at {kafka.BootstrapServers}");
        }

        using var producer = kafka is null ? null : new KafkaRecordProducer(kafka.Settings);
        var kinesis = KinesisSettings.FromConfig(config);
        using var kinesisClient = ingesting && kinesis.Enabled ? new KinesisClient(kinesis) : null;
        IIngestTarget? target = kafka is null ? null : new KafkaIngestTarget(kafka, producer!);
        if (kinesisClient is not null)
        {
            target = new KinesisIngestTarget(kinesisClient, target!);
            await terminal.Error.WriteLineAsync($"pipeline: Kinesis at {kinesisClient.Endpoint}");
        }

        // Only nodes that host the entities touch the journal.
        var journal = JournalSettings.FromConfig(config);
        var sqliteJournal = hostsState && journal.IsSqliteFile;
        if (sqliteJournal)
            SqliteJournalFile.Prepare(journal.ConnectionString);

        var lifecycle = new EngineLifecycle();
        // Ends the emulator feed and the waiting below; cancelled by Ctrl+C or by the first shutdown phase.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        // Ends the lake's retries only when a drain could not finish: a clean stop writes everything.
        using var lakeGiveUp = new CancellationTokenSource();
        var lake = LakeSettings.FromConfig(config);
        var lakeStore = ingesting ? LakeStores.Create(lake) : null;
        using var lakeDisposal = lakeStore as IDisposable;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // The verb's cancellation (Ctrl+C, SIGTERM) drives the shutdown, not the host's own signal handling.
        builder.Services.AddSingleton<IHostLifetime, VerbLifetime>();
        builder.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (target is not null)
            builder.Services.AddSingleton(target);
        builder.Services.AddHealthChecks();
        builder.Services.AddAkka(ClusterSettings.SystemName, akka =>
        {
            akka.AddHocon(config, HoconAddMode.Prepend);
            if (sqliteJournal)
                akka.AddSetup(SqliteJournalFile.Setup(journal.ConnectionString));
            akka.WithEngineHealthChecks(lifecycle, hostsState ? journal.Plugin : null);
        });
        await using var app = builder.Build();
        IngestPath? path = null;
        LiveQueries? queries = null;
        IActorRef? history = null;
        app.MapHealth();
        if (kafka is not null)
        {
            app.MapIngest(ingest, lifecycle);
            app.MapStatus(kafka, () => Volatile.Read(ref path));
        }

        if (cluster.Has(ClusterSettings.Api))
        {
            app.MapHistory(() => Volatile.Read(ref history));
            app.MapQueries(() => Volatile.Read(ref queries));
        }

        try
        {
            await app.StartAsync(cancellation);
        }
        catch (IOException e)
        {
            throw new IOException($"cannot listen on {urls}: {e.Message}", e);
        }

        var system = app.Services.GetRequiredService<ActorSystem>();
        // Every way out (Ctrl+C, SIGTERM, being downed, the emulator finishing) runs the same phases:
        // intake stops, the path drains and commits, then Akka hands the shards off and leaves.
        var shutdown = CoordinatedShutdown.Get(system);
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "stop-intake", () =>
        {
            lifecycle.BeginDraining();
            stop.Cancel();
            return Task.FromResult(Done.Instance);
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "drain-and-commit", async () =>
        {
            try
            {
                if (Volatile.Read(ref path) is { } running)
                {
                    lakeGiveUp.CancelAfter(kafka!.Settings.DrainTimeout);
                    await running.DrainAndShutdownAsync(kafka.Settings.DrainTimeout).WaitAsync(cluster.DrainTimeout);
                }

                drained.TrySetResult();
            }
            catch (Exception e)
            {
                drained.TrySetException(e);
            }

            return Done.Instance;
        });

        await terminal.Error.WriteLineAsync(cluster.SeedNodes.Count == 0
            ? "pipeline: forming a cluster of its own"
            : $"pipeline: joining the cluster through {string.Join(", ", cluster.SeedNodes)}");
        await JoinAsync(system, cluster, stop.Token);
        var live = LiveStateSettings.FromConfig(config);
        var regions = hostsState
            ? LiveRegions.Start(system, live, ClusterSettings.State)
            : LiveRegions.StartProxies(system, live, ClusterSettings.State);
        var arrivals = new ArrivalClock();
        Volatile.Write(ref queries, new LiveQueries(regions, live, arrivals));
        Volatile.Write(ref history, StartHistory(system, lakeStore, HistorySettings.FromConfig(config), cluster));

        // A shutdown that began while the node was starting has drained already: start no sources then.
        if (kafka is not null && !lifecycle.IsDraining)
        {
            await terminal.Error.WriteLineAsync($"pipeline: lake at {lakeStore!.Location}");
            Volatile.Write(ref path, IngestPath.Start(system, kafka.Settings, kinesisClient, kinesis,
            [
                LakeSink.Create(lakeStore, lake, system.Log, lakeGiveUp.Token),
                Flow.Create<LakeEntry>().Select(entry => entry.Cleaned).Via(LiveState.Flow(regions, live, arrivals)),
            ]));
        }

        lifecycle.Started();
        if (kinesisClient is not null && kafka is not null)
            await terminal.Error.WriteLineAsync("pipeline: reading the Kinesis shards the shard coordinator assigns to this node");
        await terminal.Error.WriteLineAsync($"pipeline: HTTP {(kafka is null ? "" : "ingest and ")}API on {string.Join(", ", app.Urls)}");

        var produced = 0L;
        var feed = emulate
            ? EmulatorFeed.RunAsync(emulator, kafka!, producer!, rate, () => Interlocked.Increment(ref produced), stop.Token)
            : Task.CompletedTask;
        var tally = path?.Tally;
        await using (tally is null ? null : new Progress(terminal, config.GetTimeSpan("pipeline.run.progress-interval"), () => Outcomes(tally)))
        {
            try
            {
                if (emulate && emulator.Posts is not null)
                {
                    await feed;
                    await WhenProcessed(tally!, Interlocked.Read(ref produced), stop.Token);
                }
                else
                {
                    // Runs until Ctrl+C or until the node is removed from the cluster; an emulator without a
                    // post limit, or a failing one, ends with its feed.
                    var forever = Task.Delay(Timeout.Infinite, stop.Token);
                    var ended = await Task.WhenAny(forever, path?.Completion ?? forever, emulate ? feed : forever, system.WhenTerminated);
                    await ended;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Ctrl+C, or the shutdown began elsewhere: fall through to the graceful stop.
            }

            await shutdown.Run(VerbStopped.Instance);
            if (!drained.Task.IsCompletedSuccessfully)
            {
                var cause = drained.Task.Exception?.InnerException is { } failure and not TimeoutException
                    ? $"the drain failed: {failure.Message}"
                    : $"the engine did not drain within {cluster.DrainTimeout}";
                throw new IOException($"{cause}; what was not committed is read again at the next start");
            }
        }

        if (shutdown.ShutdownReason is not VerbStopped)
            throw new IOException($"the node was removed from the cluster ({shutdown.ShutdownReason}); what was not committed is read again at the next start");
        if (tally is not null)
        {
            foreach (var line in tally.Lines())
                await terminal.Error.WriteLineAsync(line.ToString());
        }

        await app.StopAsync(CancellationToken.None);
        return CommandLine.Ok;
    }

    /// <summary>Joins through the seed nodes (or forms a cluster of its own when there are none, as the
    /// embedded default does) and waits until this node is Up; however long that takes, since until
    /// then /healthz/ready says so.</summary>
    private static async Task JoinAsync(ActorSystem system, ClusterSettings settings, CancellationToken cancellation)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        if (settings.SeedNodes.Count == 0)
            await cluster.JoinAsync(cluster.SelfAddress, cancellation);
        await Task.WhenAny(up.Task, system.WhenTerminated).WaitAsync(cancellation);
        if (!up.Task.IsCompleted)
            throw new IOException("the actor system stopped before this node joined the cluster");
    }

    /// <summary>The scheduled history job runs on one ingest node (a singleton: it reads and writes
    /// the lake, which ingest nodes hold the credentials for); api nodes reach it through a proxy.</summary>
    private static IActorRef? StartHistory(ActorSystem system, ILakeStore? lake, HistorySettings settings, ClusterSettings cluster)
    {
        if (lake is not null)
        {
            system.ActorOf(ClusterSingletonManager.Props(
                HistoryScheduler.Props(new HistoryJob(lake, settings), settings),
                PoisonPill.Instance,
                ClusterSingletonManagerSettings.Create(system).WithRole(ClusterSettings.Ingest)), "history");
        }

        return cluster.Has(ClusterSettings.Api)
            ? system.ActorOf(ClusterSingletonProxy.Props("/user/history", ClusterSingletonProxySettings.Create(system).WithRole(ClusterSettings.Ingest)), "history-proxy")
            : null;
    }

    /// <summary>The shutdown this verb started (Ctrl+C, SIGTERM, or the emulated posts all processed),
    /// as opposed to one the cluster started (this node downed).</summary>
    private sealed class VerbStopped : CoordinatedShutdown.Reason
    {
        public static readonly VerbStopped Instance = new();

        public override int ExitCode => CommandLine.Ok;

        public override string ToString() => "pipeline run stopped";
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
