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
    public void The_postgres_journal_puts_the_connection_string_in_every_plugin()
    {
        const string connection = "Host=db;Database=pipeline;Username=pipeline;Password='a+b\"c\\d&é'";

        var config = EngineConfig.Load(journal: "postgres", postgresConnection: connection);

        foreach (var plugin in new[] { "akka.persistence.journal.sql", "akka.persistence.snapshot-store.sql", "akka.persistence.query.journal.sql" })
        {
            Assert.Equal(connection, config.GetString($"{plugin}.connection-string"));
            Assert.Equal("PostgreSQL.15", config.GetString($"{plugin}.provider-name"));
            Assert.Equal("postgresql", config.GetString($"{plugin}.table-mapping"));
            Assert.Equal("public", config.GetString($"{plugin}.postgresql.schema-name"));
        }
        Assert.Equal("akka.persistence.journal.sql", config.GetString("akka.persistence.journal.plugin"));
        Assert.Equal("akka.persistence.snapshot-store.sql", config.GetString("akka.persistence.snapshot-store.plugin"));
    }

    [Fact]
    public void A_connection_string_in_a_file_of_the_users_wins_over_the_environment()
    {
        var overlay = Path.GetTempFileName();
        try
        {
            File.WriteAllText(overlay, """
                akka.persistence.journal.sql.connection-string = "Host=mine"
                akka.persistence.snapshot-store.sql.connection-string = "Host=mine"
                """);

            var config = EngineConfig.Load(overlay, journal: "postgres", postgresConnection: "Host=environment");

            Assert.Equal("Host=mine", config.GetString("akka.persistence.journal.sql.connection-string"));
            Assert.Equal("Host=environment", config.GetString("akka.persistence.query.journal.sql.connection-string"));
        }
        finally
        {
            File.Delete(overlay);
        }
    }

    [Fact]
    public void The_postgres_journal_without_a_connection_string_is_refused_in_one_line()
    {
        var refused = Assert.Throws<IOException>(() => EngineConfig.Load(journal: "postgres", postgresConnection: ""));

        Assert.Contains("PIPELINE_POSTGRES_CONNECTION_STRING", refused.Message);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Fact]
    public void A_missing_file_or_an_unknown_journal_is_reported()
    {
        Assert.Throws<IOException>(() => EngineConfig.Load("/nonexistent/pipeline-overlay.conf", journal: "sqlite"));
        Assert.Throws<IOException>(() => EngineConfig.Load(journal: "mysql"));
    }
}
