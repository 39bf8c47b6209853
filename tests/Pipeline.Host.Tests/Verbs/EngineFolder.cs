namespace Pipeline.Host.Tests.Verbs;

/// <summary>A temporary folder for one engine run: its lake and journal, and the HOCON overlay that
/// points the engine there so runs never share state.</summary>
public sealed class EngineFolder : IDisposable
{
    /// <param name="extraHocon">More overrides, appended to the overlay.</param>
    /// <param name="sqliteJournal">Whether the overlay points the SQLite journal into this folder; off
    /// for runs whose journal is elsewhere (PIPELINE_JOURNAL=postgres).</param>
    public EngineFolder(string extraHocon = "", bool sqliteJournal = true)
    {
        Root = Directory.CreateTempSubdirectory("pipeline-engine-").FullName;
        Config = Path.Combine(Root, "engine.conf");
        var journal = Path.Combine(Root, "journal.db");
        var journalHocon = sqliteJournal
            ? $"""
                akka.persistence.journal.sql.connection-string = "Data Source={journal}"
                akka.persistence.query.journal.sql.connection-string = "Data Source={journal}"
                akka.persistence.snapshot-store.sql.connection-string = "Data Source={journal}"
                """
            : "";
        File.WriteAllText(Config, $$"""
            pipeline.lake.folder.path = "{{Lake}}"
            pipeline.lake.rotate-idle = 500ms
            pipeline.live.checkpoints.interval = 500ms
            akka.loglevel = WARNING
            akka.remote.dot-netty.tcp.port = 0
            akka.cluster.seed-nodes = []
            {{journalHocon}}
            {{extraHocon}}
            """);
    }

    public string Root { get; }

    public string Lake => Path.Combine(Root, "lake");

    /// <summary>The overlay to pass as <c>--config</c>.</summary>
    public string Config { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
