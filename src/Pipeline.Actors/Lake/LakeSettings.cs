using Akka.Configuration;

namespace Pipeline.Actors.Lake;

public enum LakeStoreKind
{
    Folder,
    S3,
}

/// <summary>Which date names a clean table row's <c>date=</c> folder (see <see cref="CleanTableRow"/>).</summary>
public enum LakeDatePartition
{
    EventTime,
    ArrivalTime,
}

/// <summary>Settings of the lake (<c>pipeline.lake</c> in hocon/lake.conf).</summary>
public sealed record LakeSettings(
    LakeStoreKind Store,
    string FolderPath,
    S3LakeSettings S3,
    int FlushSize,
    TimeSpan RotateInterval,
    TimeSpan RotateIdle,
    LakeDatePartition PartitionDate,
    int ObjectParallelism,
    int WriteParallelism,
    TimeSpan MinBackoff,
    TimeSpan MaxBackoff)
{
    public static LakeSettings FromConfig(Config config)
    {
        var lake = config.WithFallback(LakeDefaults.Config).GetConfig("pipeline.lake");
        var store = lake.GetString("store") switch
        {
            "folder" => LakeStoreKind.Folder,
            "s3" => LakeStoreKind.S3,
            var other => throw new ConfigurationException($"pipeline.lake.store must be folder or s3, not '{other}'"),
        };
        var settings = new LakeSettings(
            store,
            lake.GetString("folder.path"),
            S3LakeSettings.FromConfig(lake.GetConfig("s3")),
            lake.GetInt("flush-size"),
            lake.GetTimeSpan("rotate-interval"),
            lake.GetTimeSpan("rotate-idle"),
            lake.GetString("partition-date") switch
            {
                "event-time" => LakeDatePartition.EventTime,
                "arrival-time" => LakeDatePartition.ArrivalTime,
                var other => throw new ConfigurationException($"pipeline.lake.partition-date must be event-time or arrival-time, not '{other}'"),
            },
            lake.GetInt("object-parallelism"),
            lake.GetInt("write-parallelism"),
            lake.GetTimeSpan("retry.min-backoff"),
            lake.GetTimeSpan("retry.max-backoff"));
        if (settings.FlushSize < 1 || settings.WriteParallelism < 1 || settings.ObjectParallelism < 1)
            throw new ConfigurationException("pipeline.lake.flush-size, object-parallelism and write-parallelism must be at least 1");
        return settings;
    }
}

/// <summary>Settings of the S3 store (<c>pipeline.lake.s3</c>); the endpoint and region may come from
/// the environment.</summary>
public sealed record S3LakeSettings(
    string Bucket,
    string Prefix,
    string? Endpoint,
    string Region,
    bool PathStyle,
    string? ServerSideEncryption,
    string? KmsKeyId,
    int SdkMaxRetries,
    TimeSpan RequestTimeout)
{
    internal static S3LakeSettings FromConfig(Config s3) => new(
        s3.GetString("bucket"),
        s3.GetString("prefix").Trim('/'),
        NonEmpty(Environment.GetEnvironmentVariable("PIPELINE_LAKE_S3_ENDPOINT"))
            ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_S3"))
            ?? NonEmpty(s3.GetString("endpoint")),
        NonEmpty(Environment.GetEnvironmentVariable("AWS_REGION")) ?? s3.GetString("region"),
        s3.GetBoolean("path-style"),
        NonEmpty(s3.GetString("sse")),
        NonEmpty(s3.GetString("sse-kms-key-id")),
        s3.GetInt("sdk-max-retries"),
        s3.GetTimeSpan("request-timeout"));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
