using Akka.Configuration;
using Pipeline.Actors.Sources.Kinesis;

namespace Pipeline.Actors.Tests.Sources.Kinesis;

/// <summary>The repository's hocon/kinesis.conf and hocon/persistence-sqlite.conf, pointed at a test
/// endpoint and a journal file of the test's own, with short waits so tests stay quick; checkpoint
/// events and snapshots go through the engine's serializer, as in <c>pipeline run</c>.</summary>
internal static class KinesisTestConfig
{
    public static Config For(Uri endpoint, string journalFile, string overrides = "") =>
        ConfigurationFactory.ParseString($$"""
            pipeline.kinesis {
              endpoint = "{{endpoint}}"
              access-key-id = "test"
              secret-access-key = "test"
              idle-poll-interval = 100ms
              throttle-backoff = 100ms
              checkpoint-interval = 100ms
              shard-refresh-interval = 500ms
              owner-report-interval = 200ms
              handoff-timeout = 2s
            }
            akka.persistence.journal.sql.connection-string = "Data Source={{journalFile}}"
            akka.persistence.query.journal.sql.connection-string = "Data Source={{journalFile}}"
            akka.persistence.snapshot-store.sql.connection-string = "Data Source={{journalFile}}"
            akka.loglevel = INFO
            {{overrides}}
            """)
            .WithFallback(Hocon("kinesis.conf"))
            .WithFallback(Hocon("persistence-sqlite.conf"))
            .WithFallback(Hocon("serialization.conf"));

    /// <summary>Settings from <paramref name="config"/> alone, so a developer's environment
    /// (PIPELINE_KINESIS_ENDPOINT, AWS_REGION) cannot redirect the tests.</summary>
    public static KinesisSettings Settings(Config config) => KinesisSettings.FromConfig(config, _ => null);

    public static Config Hocon(string file) =>
        ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "hocon", file)));

    public static string TemporaryJournal() => Path.Combine(Path.GetTempPath(), $"pipeline-kinesis-{Guid.NewGuid():N}.db");

    public static string UniqueStream(string table = "pin") => $"streaming-t{Guid.NewGuid().ToString("N")[..10]}-{table}";
}
