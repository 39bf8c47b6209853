using Akka.Configuration;
using Pipeline.Actors.History;
using Pipeline.Actors.Lake;
using Xunit;

namespace Pipeline.Actors.Tests.History;

public sealed class HistorySettingsTests
{
    [Fact]
    public void Defaults_come_from_hocon_lake_conf()
    {
        var history = HistorySettings.FromConfig(ConfigurationFactory.Empty);
        var lake = LakeSettings.FromConfig(ConfigurationFactory.Empty);

        Assert.Equal("0 0 * * *", history.Schedule.Expression);
        Assert.Equal(MetricRanges.Default, history.Ranges);
        Assert.Equal(TimeSpan.FromSeconds(60), history.RetryDelay);
        Assert.Equal((LakeStoreKind.Folder, "data/lake", 10_000, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30)),
            (lake.Store, lake.FolderPath, lake.FlushSize, lake.RotateInterval, lake.RotateIdle));
    }

    [Fact]
    public void Configuration_overrides_the_defaults()
    {
        var config = ConfigurationFactory.ParseString("""
            pipeline.history { schedule = "30 2 * * *", join-years { from = 2016, to = 2017 } }
            pipeline.lake { store = s3, flush-size = 5, s3 { bucket = b, prefix = "/p/", path-style = true, sse = AES256 } }
            """);

        var history = HistorySettings.FromConfig(config);
        var lake = LakeSettings.FromConfig(config);

        Assert.Equal(new MetricRanges(2018, 2022, 2016, 2017), history.Ranges);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 2, 30, 0, TimeSpan.Zero), history.Schedule.Next(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal((LakeStoreKind.S3, 5, "b", "p", true, "AES256"),
            (lake.Store, lake.FlushSize, lake.S3.Bucket, lake.S3.Prefix, lake.S3.PathStyle, lake.S3.ServerSideEncryption));
    }
}
