using System.Text.Json.Serialization;

namespace Pipeline.Actors.Sources.Kinesis.Client;

// Request and response bodies of the Kinesis JSON protocol (API version 2013-12-02). Property names
// are the wire names; byte[] members travel as base64, as the protocol requires.

public sealed record ListShardsRequest(string? StreamName, string? NextToken, int? MaxResults);

public sealed record ListShardsResponse(IReadOnlyList<Shard>? Shards, string? NextToken);

/// <summary>A shard as ListShards describes it; a closed shard has an ending sequence number.</summary>
public sealed record Shard(
    string ShardId,
    string? ParentShardId,
    string? AdjacentParentShardId,
    HashKeyRange HashKeyRange,
    SequenceNumberRange SequenceNumberRange)
{
    [JsonIgnore]
    public bool IsClosed => SequenceNumberRange.EndingSequenceNumber is not null;
}

public sealed record HashKeyRange(string StartingHashKey, string EndingHashKey);

public sealed record SequenceNumberRange(string StartingSequenceNumber, string? EndingSequenceNumber);

/// <summary>The wire names of the iterator types this client uses.</summary>
public static class ShardIteratorType
{
    public const string TrimHorizon = "TRIM_HORIZON";
    public const string Latest = "LATEST";
    public const string AtSequenceNumber = "AT_SEQUENCE_NUMBER";
    public const string AfterSequenceNumber = "AFTER_SEQUENCE_NUMBER";
}

public sealed record GetShardIteratorRequest(string StreamName, string ShardId, string ShardIteratorType, string? StartingSequenceNumber);

public sealed record GetShardIteratorResponse(string ShardIterator);

public sealed record GetRecordsRequest(string ShardIterator, int? Limit);

/// <summary>A null <see cref="NextShardIterator"/> means the shard is closed and read to its end.</summary>
public sealed record GetRecordsResponse(IReadOnlyList<KinesisRecord> Records, string? NextShardIterator, long? MillisBehindLatest);

/// <param name="ApproximateArrivalTimestamp">Seconds since the Unix epoch, with fractions.</param>
public sealed record KinesisRecord(string SequenceNumber, double? ApproximateArrivalTimestamp, byte[] Data, string PartitionKey)
{
    [JsonIgnore]
    public DateTimeOffset ArrivalTime => DateTimeOffset.UnixEpoch.AddMilliseconds(Math.Round((ApproximateArrivalTimestamp ?? 0) * 1000));
}

public sealed record PutRecordRequest(string StreamName, byte[] Data, string PartitionKey, string? ExplicitHashKey);

public sealed record PutRecordResponse(string ShardId, string SequenceNumber);

public sealed record PutRecordsRequest(string StreamName, IReadOnlyList<PutRecordsRequestEntry> Records);

public sealed record PutRecordsRequestEntry(byte[] Data, string PartitionKey, string? ExplicitHashKey);

public sealed record PutRecordsResponse(int? FailedRecordCount, IReadOnlyList<PutRecordsResultEntry> Records);

/// <summary>Either a sequence number and shard, or an error code for a record that was not written.</summary>
public sealed record PutRecordsResultEntry(string? SequenceNumber, string? ShardId, string? ErrorCode, string? ErrorMessage);

public sealed record DescribeStreamSummaryRequest(string StreamName);

public sealed record DescribeStreamSummaryResponse(StreamDescriptionSummary StreamDescriptionSummary);

public sealed record StreamDescriptionSummary(string StreamName, string StreamStatus, int OpenShardCount, int? RetentionPeriodHours);

public sealed record ListStreamsRequest(string? ExclusiveStartStreamName, int? Limit);

public sealed record ListStreamsResponse(IReadOnlyList<string> StreamNames, bool HasMoreStreams);

public sealed record CreateStreamRequest(string StreamName, int ShardCount);

public sealed record SplitShardRequest(string StreamName, string ShardToSplit, string NewStartingHashKey);

public sealed record MergeShardsRequest(string StreamName, string ShardToMerge, string AdjacentShardToMerge);

/// <summary>The body Kinesis sends with a failed request.</summary>
internal sealed record KinesisErrorBody(
    [property: JsonPropertyName("__type")] string? Type,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("Message")] string? CapitalMessage);

/// <summary>The empty object that operations without a result return.</summary>
internal sealed record EmptyResponse;
