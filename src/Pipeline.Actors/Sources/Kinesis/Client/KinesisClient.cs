using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Pipeline.Actors.Sources.Kinesis.Client;

/// <summary>
/// A small client for the Kinesis JSON protocol (<c>x-amz-json-1.1</c>). Credentials, SigV4 signing,
/// the regional endpoint and the retry policy come from AWSSDK.Core; the bodies are source-generated
/// System.Text.Json. Thread-safe; one instance per process is enough.
/// </summary>
public sealed class KinesisClient : IDisposable
{
    public const string ContentType = "application/x-amz-json-1.1";
    private const string TargetPrefix = "Kinesis_20131202.";

    private readonly HttpClient _http;
    private readonly KinesisRequestSigner _signer;
    private readonly KinesisRetryPolicy _retryPolicy;
    private readonly AWSCredentials? _explicitCredentials;
    private readonly TimeSpan _maxBackoff;

    public KinesisClient(KinesisSettings settings)
    {
        Endpoint = settings.ServiceEndpoint;
        _http = new HttpClient { Timeout = settings.RequestTimeout };
        _signer = new KinesisRequestSigner(Endpoint, settings.Region);
        _signer.Config.MaxErrorRetry = settings.MaxErrorRetry;
        _retryPolicy = new KinesisRetryPolicy(_signer.Config);
        _maxBackoff = settings.MaxRetryBackoff;
        _explicitCredentials = settings.AccessKeyId is { } key && settings.SecretAccessKey is { } secret
            ? new BasicAWSCredentials(key, secret)
            : null;
    }

    public Uri Endpoint { get; }

    /// <summary>How long to wait before retry number <paramref name="retry"/> (1 for the first), by
    /// AWSSDK.Core's back-off; readers use it for throttling that outlasted the client's own retries.</summary>
    public TimeSpan BackoffDelay(int retry, TimeSpan max) => _retryPolicy.DelayBefore(retry, max);

    /// <summary>Every shard of the stream (open and, within retention, closed), all pages.</summary>
    public async Task<IReadOnlyList<Shard>> ListShardsAsync(string streamName, CancellationToken cancellation = default)
    {
        var shards = new List<Shard>();
        var request = new ListShardsRequest(streamName, null, 1000);
        while (true)
        {
            var page = await SendAsync("ListShards", request, Json.ListShardsRequest, Json.ListShardsResponse, cancellation);
            shards.AddRange(page.Shards ?? []);
            if (page.NextToken is null)
            {
                return shards;
            }

            request = new ListShardsRequest(null, page.NextToken, 1000);
        }
    }

    public async Task<string> GetShardIteratorAsync(
        string streamName, string shardId, string iteratorType, string? startingSequenceNumber = null, CancellationToken cancellation = default)
    {
        var request = new GetShardIteratorRequest(streamName, shardId, iteratorType, startingSequenceNumber);
        var response = await SendAsync("GetShardIterator", request, Json.GetShardIteratorRequest, Json.GetShardIteratorResponse, cancellation);
        return response.ShardIterator;
    }

    public Task<GetRecordsResponse> GetRecordsAsync(string shardIterator, int limit, CancellationToken cancellation = default) =>
        SendAsync("GetRecords", new GetRecordsRequest(shardIterator, limit), Json.GetRecordsRequest, Json.GetRecordsResponse, cancellation);

    public Task<PutRecordResponse> PutRecordAsync(
        string streamName, byte[] data, string partitionKey, string? explicitHashKey = null, CancellationToken cancellation = default) =>
        SendAsync("PutRecord", new PutRecordRequest(streamName, data, partitionKey, explicitHashKey), Json.PutRecordRequest, Json.PutRecordResponse, cancellation);

    /// <summary>Writes up to 500 records; records that failed carry an error code in the result.</summary>
    public Task<PutRecordsResponse> PutRecordsAsync(
        string streamName, IReadOnlyList<PutRecordsRequestEntry> records, CancellationToken cancellation = default) =>
        SendAsync("PutRecords", new PutRecordsRequest(streamName, records), Json.PutRecordsRequest, Json.PutRecordsResponse, cancellation);

    public async Task<StreamDescriptionSummary> DescribeStreamSummaryAsync(string streamName, CancellationToken cancellation = default)
    {
        var response = await SendAsync(
            "DescribeStreamSummary", new DescribeStreamSummaryRequest(streamName), Json.DescribeStreamSummaryRequest, Json.DescribeStreamSummaryResponse, cancellation);
        return response.StreamDescriptionSummary;
    }

    /// <summary>Every stream name of the account in the region, all pages.</summary>
    public async Task<IReadOnlyList<string>> ListStreamsAsync(CancellationToken cancellation = default)
    {
        var names = new List<string>();
        var request = new ListStreamsRequest(null, 100);
        while (true)
        {
            var page = await SendAsync("ListStreams", request, Json.ListStreamsRequest, Json.ListStreamsResponse, cancellation);
            names.AddRange(page.StreamNames);
            if (!page.HasMoreStreams || page.StreamNames.Count == 0)
            {
                return names;
            }

            request = new ListStreamsRequest(page.StreamNames[^1], 100);
        }
    }

    public Task CreateStreamAsync(string streamName, int shardCount, CancellationToken cancellation = default) =>
        SendAsync("CreateStream", new CreateStreamRequest(streamName, shardCount), Json.CreateStreamRequest, Json.EmptyResponse, cancellation);

    public Task SplitShardAsync(string streamName, string shardToSplit, string newStartingHashKey, CancellationToken cancellation = default) =>
        SendAsync("SplitShard", new SplitShardRequest(streamName, shardToSplit, newStartingHashKey), Json.SplitShardRequest, Json.EmptyResponse, cancellation);

    public Task MergeShardsAsync(string streamName, string shardToMerge, string adjacentShardToMerge, CancellationToken cancellation = default) =>
        SendAsync("MergeShards", new MergeShardsRequest(streamName, shardToMerge, adjacentShardToMerge), Json.MergeShardsRequest, Json.EmptyResponse, cancellation);

    /// <summary>Waits until the stream is ACTIVE (after creation or resharding).</summary>
    public async Task WaitForActiveAsync(string streamName, TimeSpan timeout, CancellationToken cancellation = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while ((await DescribeStreamSummaryAsync(streamName, cancellation)).StreamStatus != "ACTIVE")
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Kinesis stream {streamName} did not become ACTIVE within {timeout}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellation);
        }
    }

    public void Dispose() => _http.Dispose();

    private static KinesisJsonContext Json => KinesisJsonContext.Default;

    private async Task<TResponse> SendAsync<TRequest, TResponse>(
        string operation, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellation)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        for (var retry = 0; ; retry++)
        {
            try
            {
                return await SendOnceAsync(operation, body, responseType, cancellation);
            }
            catch (Exception error) when (retry < _signer.Config.MaxErrorRetry && IsRetryable(error, cancellation))
            {
                await Task.Delay(_retryPolicy.DelayBefore(retry + 1, _maxBackoff), cancellation);
            }
        }
    }

    private bool IsRetryable(Exception error, CancellationToken cancellation) => error switch
    {
        KinesisException service => _retryPolicy.IsRetryable(service),
        HttpRequestException => true,
        TaskCanceledException => !cancellation.IsCancellationRequested,
        _ => false,
    };

    private async Task<TResponse> SendOnceAsync<TResponse>(
        string operation, byte[] body, JsonTypeInfo<TResponse> responseType, CancellationToken cancellation)
    {
        var credentials = await (_explicitCredentials ?? await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(_signer.Config)).GetCredentialsAsync();
        var headers = _signer.Sign(TargetPrefix + operation, body, credentials);

        using var message = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(body) };
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else if (!name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await _http.SendAsync(message, cancellation);
        var content = await response.Content.ReadAsByteArrayAsync(cancellation);
        if (!response.IsSuccessStatusCode)
        {
            throw ErrorFrom(response, content);
        }

        // Operations without a result (CreateStream, SplitShard, ...) may answer with no body at all.
        return JsonSerializer.Deserialize(content.Length == 0 ? "{}"u8 : content, responseType)
            ?? throw new KinesisException("EmptyResponse", $"{operation} returned no body", response.StatusCode);
    }

    private static KinesisException ErrorFrom(HttpResponseMessage response, byte[] content)
    {
        KinesisErrorBody? error = null;
        try
        {
            error = content.Length > 0 ? JsonSerializer.Deserialize(content, Json.KinesisErrorBody) : null;
        }
        catch (JsonException)
        {
            // Not a protocol error body (e.g. a proxy's page); the status code still says what happened.
        }

        var type = error?.Type
            ?? (response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null)
            ?? (response.StatusCode >= HttpStatusCode.InternalServerError ? "InternalFailure" : "UnknownError");
        // AWS may qualify the type ("com.amazonaws.kinesis.v20131202#ResourceNotFoundException") or
        // append details after a colon.
        var code = type[(type.LastIndexOf('#') + 1)..].Split(':')[0];
        return KinesisException.From(code, error?.Message ?? error?.CapitalMessage ?? response.ReasonPhrase ?? "", response.StatusCode);
    }
}
