using Akka.Configuration;
using Amazon;
using Pipeline.Actors.Sources.Kinesis.Client;

namespace Pipeline.Actors.Sources.Kinesis;

/// <summary>Settings of the Kinesis client and sources, from <c>pipeline.kinesis</c> (hocon/kinesis.conf).</summary>
public sealed record KinesisSettings
{
    /// <summary>Kinesis allows five GetRecords per shard per second; no setting polls faster.</summary>
    public static readonly TimeSpan MinPollSpacing = TimeSpan.FromMilliseconds(200);

    /// <summary>Whether the engine uses Kinesis: explicitly enabled, or given an endpoint.</summary>
    public bool Enabled { get; init; }

    /// <summary>An explicit endpoint (kinesalite, a VPC endpoint); null uses the region's.</summary>
    public Uri? Endpoint { get; init; }

    public string Region { get; init; } = "us-east-1";

    /// <summary>Both set: fixed credentials; otherwise AWSSDK.Core's default chain (environment,
    /// profile, container or instance role).</summary>
    public string? AccessKeyId { get; init; }

    public string? SecretAccessKey { get; init; }

    /// <summary>Read <c>streaming-&lt;prefix&gt;-pin|geo|user</c> for these prefixes; empty finds every
    /// stream of that shape with ListStreams.</summary>
    public IReadOnlyList<string> StreamPrefixes { get; init; } = [];

    /// <summary>Where a shard without a checkpoint starts: TRIM_HORIZON or LATEST.</summary>
    public string InitialPosition { get; init; } = ShardIteratorType.TrimHorizon;

    /// <summary>Wait between GetRecords on a shard that returned records.</summary>
    public TimeSpan PollInterval { get; init; } = MinPollSpacing;

    /// <summary>Wait between GetRecords on a shard that returned nothing.</summary>
    public TimeSpan IdlePollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public int RecordsPerRequest { get; init; } = 1000;

    /// <summary>Records read ahead per shard; a shard whose buffer is full is not polled.</summary>
    public int BufferPerShard { get; init; } = 2000;

    /// <summary>Least wait after a throttled GetRecords; later ones back off exponentially.</summary>
    public TimeSpan ThrottleBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait of any back-off (client retries and throttled readers).</summary>
    public TimeSpan MaxRetryBackoff { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries of one request by the client for throttling and transient errors.</summary>
    public int MaxErrorRetry { get; init; } = 3;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often reported positions are written to the journal.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Checkpoint events between snapshots of the checkpoint actor.</summary>
    public int SnapshotEvery { get; init; } = 100;

    /// <summary>How often the shard coordinator lists the streams and their shards (new streams, resharding).</summary>
    public TimeSpan ShardRefreshInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a node tells the shard coordinator which shards it holds.</summary>
    public TimeSpan OwnerReportInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a node giving a shard up waits for its emitted records to be reported done
    /// before it writes the checkpoint and hands the shard over anyway.</summary>
    public TimeSpan HandoffTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The URL requests go to: <see cref="Endpoint"/>, or the region's Kinesis endpoint.</summary>
    public Uri ServiceEndpoint => Endpoint ?? RegionalEndpoint(Region);

    public static KinesisSettings FromConfig(Config config) => FromConfig(config, Environment.GetEnvironmentVariable);

    /// <param name="environment">Reads an environment variable; <c>PIPELINE_KINESIS_ENDPOINT</c> and
    /// <c>AWS_REGION</c> override the configuration.</param>
    public static KinesisSettings FromConfig(Config config, Func<string, string?> environment)
    {
        var kinesis = config.GetConfig("pipeline.kinesis")
            ?? throw new ConfigurationException("Missing pipeline.kinesis configuration (hocon/kinesis.conf).");
        var endpoint = NonEmpty(environment("PIPELINE_KINESIS_ENDPOINT")) ?? NonEmpty(kinesis.GetString("endpoint", ""));
        var initial = kinesis.GetString("initial-position", ShardIteratorType.TrimHorizon).ToUpperInvariant();
        if (initial is not (ShardIteratorType.TrimHorizon or ShardIteratorType.Latest))
        {
            throw new ConfigurationException($"pipeline.kinesis.initial-position must be TRIM_HORIZON or LATEST, not {initial}.");
        }

        var settings = new KinesisSettings
        {
            Enabled = kinesis.GetBoolean("enabled", false) || endpoint is not null,
            Endpoint = endpoint is null ? null : new Uri(endpoint),
            Region = NonEmpty(environment("AWS_REGION")) ?? kinesis.GetString("region", "us-east-1"),
            AccessKeyId = NonEmpty(kinesis.GetString("access-key-id", "")),
            SecretAccessKey = NonEmpty(kinesis.GetString("secret-access-key", "")),
            StreamPrefixes = kinesis.GetStringList("stream-prefixes")?.ToArray() ?? [],
            InitialPosition = initial,
            PollInterval = kinesis.GetTimeSpan("poll-interval", MinPollSpacing),
            IdlePollInterval = kinesis.GetTimeSpan("idle-poll-interval", TimeSpan.FromSeconds(1)),
            RecordsPerRequest = kinesis.GetInt("records-per-request", 1000),
            BufferPerShard = kinesis.GetInt("buffer-per-shard", 2000),
            ThrottleBackoff = kinesis.GetTimeSpan("throttle-backoff", TimeSpan.FromSeconds(1)),
            MaxRetryBackoff = kinesis.GetTimeSpan("max-retry-backoff", TimeSpan.FromSeconds(20)),
            MaxErrorRetry = kinesis.GetInt("max-error-retry", 3),
            RequestTimeout = kinesis.GetTimeSpan("request-timeout", TimeSpan.FromSeconds(30)),
            CheckpointInterval = kinesis.GetTimeSpan("checkpoint-interval", TimeSpan.FromSeconds(1)),
            SnapshotEvery = kinesis.GetInt("snapshot-every", 100),
            ShardRefreshInterval = kinesis.GetTimeSpan("shard-refresh-interval", TimeSpan.FromSeconds(30)),
            OwnerReportInterval = kinesis.GetTimeSpan("owner-report-interval", TimeSpan.FromSeconds(1)),
            HandoffTimeout = kinesis.GetTimeSpan("handoff-timeout", TimeSpan.FromSeconds(30)),
        };
        if (settings.RecordsPerRequest is < 1 or > 10000)
        {
            throw new ConfigurationException("pipeline.kinesis.records-per-request must be between 1 and 10000.");
        }

        if (settings.ShardRefreshInterval <= TimeSpan.Zero || settings.OwnerReportInterval <= TimeSpan.Zero || settings.HandoffTimeout < TimeSpan.Zero)
        {
            throw new ConfigurationException("pipeline.kinesis.shard-refresh-interval and owner-report-interval must be positive, handoff-timeout not negative.");
        }

        return settings;
    }

    private static Uri RegionalEndpoint(string region)
    {
        var endpoint = RegionEndpoint.GetBySystemName(region);
        var host = endpoint.HostnameTemplate
            .Replace("{service}", "kinesis")
            .Replace("{region}", endpoint.SystemName)
            .Replace("{dnsSuffix}", endpoint.PartitionDnsSuffix);
        return new Uri($"https://{host}/");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
