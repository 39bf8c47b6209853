using Pipeline.Host.Configuration;
using Xunit;

namespace Pipeline.Host.Tests.Configuration;

public class EngineConfigTests
{
    [Fact]
    public void Loads_the_shipped_defaults()
    {
        var config = EngineConfig.Load(journal: "sqlite");

        Assert.Equal(TimeSpan.FromSeconds(1), config.GetTimeSpan("pipeline.run.progress-interval"));
    }

    [Fact]
    public void A_file_of_the_users_overrides_the_defaults()
    {
        var overlay = Path.GetTempFileName();
        try
        {
            File.WriteAllText(overlay, "pipeline.run.progress-interval = 5s");

            var config = EngineConfig.Load(overlay, journal: "sqlite");

            Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("pipeline.run.progress-interval"));
            Assert.Equal("data", config.GetString("pipeline.run.data-dir"));
        }
        finally
        {
            File.Delete(overlay);
        }
    }

    [Fact]
    public void The_postgres_journal_points_both_plugins_at_the_connection_string()
    {
        var overlay = Path.GetTempFileName();
        try
        {
            // An overlay stands in for the environment variable, which the whole test process would share.
            File.WriteAllText(overlay, """
                akka.persistence.journal.sql.connection-string = "Host=db;Database=pipeline"
                akka.persistence.snapshot-store.sql.connection-string = "Host=db;Database=pipeline"
                """);

            var config = EngineConfig.Load(overlay, journal: "postgres");

            foreach (var plugin in new[] { "akka.persistence.journal.sql", "akka.persistence.snapshot-store.sql" })
            {
                Assert.Equal("PostgreSQL.15", config.GetString($"{plugin}.provider-name"));
                Assert.Equal("postgresql", config.GetString($"{plugin}.table-mapping"));
                Assert.Equal("public", config.GetString($"{plugin}.postgresql.schema-name"));
            }
            Assert.Equal("akka.persistence.journal.sql", config.GetString("akka.persistence.journal.plugin"));
            Assert.Equal("akka.persistence.snapshot-store.sql", config.GetString("akka.persistence.snapshot-store.plugin"));
        }
        finally
        {
            File.Delete(overlay);
        }
    }

    [Fact]
    public void The_postgres_journal_without_a_connection_string_is_refused_in_one_line()
    {
        var overlay = Path.GetTempFileName();
        try
        {
            File.WriteAllText(overlay, "akka.persistence.journal.sql.connection-string = \"\"");

            var refused = Assert.Throws<IOException>(() => EngineConfig.Load(overlay, journal: "postgres"));

            Assert.Contains("PIPELINE_POSTGRES_CONNECTION_STRING", refused.Message);
            Assert.DoesNotContain('\n', refused.Message);
        }
        finally
        {
            File.Delete(overlay);
        }
    }

    [Fact]
    public void A_missing_file_or_an_unknown_journal_is_reported()
    {
        Assert.Throws<IOException>(() => EngineConfig.Load("/nonexistent/pipeline-overlay.conf", journal: "sqlite"));
        Assert.Throws<IOException>(() => EngineConfig.Load(journal: "mysql"));
    }
}
