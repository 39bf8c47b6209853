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
    public void A_missing_file_or_an_unknown_journal_is_reported()
    {
        Assert.Throws<IOException>(() => EngineConfig.Load("/nonexistent/pipeline-overlay.conf", journal: "sqlite"));
        Assert.Throws<IOException>(() => EngineConfig.Load(journal: "mysql"));
    }
}
