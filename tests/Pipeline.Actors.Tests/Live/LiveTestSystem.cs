using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Cluster;
using Akka.Configuration;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Live;

namespace Pipeline.Actors.Tests.Live;

/// <summary>Configuration and start-up of a one-node cluster with a real journal (SQLite, or
/// PostgreSQL through <see cref="TestJournal"/>), built from the repository's own hocon files with
/// test overrides.</summary>
internal static class LiveTestSystem
{
    /// <summary>No coordinated shutdown on terminate: entities get no hand-off and no chance to save,
    /// a stream no final checkpoint. That is a crash as far as the journal can tell.</summary>
    public const string Abrupt = """
        akka.coordinated-shutdown.run-by-actor-system-terminate = off
        akka.cluster.run-coordinated-shutdown-when-down = off
        """;

    public static string NewDatabasePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pipeline-live-{Guid.NewGuid():N}.db");
        SqliteJournalFile.Prepare($"Data Source={path}");
        return path;
    }

    public static Config Config(string databasePath, string overrides = "") => Config(TestJournal.AtSqliteFile(databasePath), overrides);

    public static Config Config(TestJournal journal, string overrides = "")
    {
        var hocon = HoconDirectory();
        var test = ConfigurationFactory.ParseString($$"""
            akka.loglevel = WARNING
            akka.remote.dot-netty.tcp.port = 0
            akka.cluster.seed-nodes = []
            akka.cluster.sharding.retry-interval = 200ms
            {{journal.Hocon}}
            pipeline.live.checkpoints.interval = 1s
            pipeline.live.checkpoints.batch-size = 200
            pipeline.live.assembly.buckets = 8
            pipeline.live.shards = 10
            {{overrides}}
            """);
        return test
            .WithFallback(ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(hocon, "live.conf"))))
            .WithFallback(ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(hocon, journal.HoconFile))))
            .WithFallback(ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(hocon, "cluster.conf"))))
            .WithFallback(LiveState.DefaultConfig);
    }

    /// <summary>The configuration plus the SQLite connection setup of the journal plugins.</summary>
    public static ActorSystemSetup Setup(string databasePath, string overrides = "") => Setup(TestJournal.AtSqliteFile(databasePath), overrides);

    /// <summary>The configuration plus the setup the engine adds for this kind of journal.</summary>
    public static ActorSystemSetup Setup(TestJournal journal, string overrides = "")
    {
        var bootstrap = BootstrapSetup.Create().WithConfig(Config(journal, overrides));
        return journal.Setup is { } setup ? bootstrap.And(setup) : ActorSystemSetup.Create(bootstrap);
    }

    /// <summary>Joins the node to itself, waits until it is up, and starts the shard regions.</summary>
    public static async Task<LiveRegions> StartAsync(ActorSystem system)
    {
        var cluster = Cluster.Get(system);
        var up = new TaskCompletionSource();
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        await cluster.JoinAsync(cluster.SelfAddress);
        await up.Task.WaitAsync(TimeSpan.FromSeconds(20));
        return LiveRegions.Start(system, LiveStateSettings.FromConfig(system.Settings.Config));
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
