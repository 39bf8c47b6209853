using Akka.Configuration;
using Pipeline.Actors.Lake;

namespace Pipeline.Actors.History;

/// <summary>Settings of the history job (<c>pipeline.history</c> in hocon/lake.conf).</summary>
public sealed record HistorySettings(CronSchedule Schedule, TimeSpan RetryDelay, MetricRanges Ranges, string? Scratch)
{
    public static HistorySettings FromConfig(Config config)
    {
        var history = config.WithFallback(LakeDefaults.Config).GetConfig("pipeline.history");
        var scratch = history.GetString("scratch");
        return new HistorySettings(
            CronSchedule.Parse(history.GetString("schedule")),
            history.GetTimeSpan("retry-delay"),
            new MetricRanges(
                history.GetInt("post-years.from"),
                history.GetInt("post-years.to"),
                history.GetInt("join-years.from"),
                history.GetInt("join-years.to")),
            string.IsNullOrWhiteSpace(scratch) ? null : scratch);
    }
}
