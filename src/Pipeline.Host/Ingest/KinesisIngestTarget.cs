using Pipeline.Actors.Sources.Kinesis.Client;

namespace Pipeline.Host.Ingest;

/// <summary>
/// With Kinesis enabled, Kinesis-shaped requests go to Kinesis itself (PutRecord / PutRecords, one
/// answer per record, as the API Gateway proxy answered); Kafka-shaped ones go to <paramref name="topics"/>.
/// </summary>
public sealed class KinesisIngestTarget(KinesisClient kinesis, IIngestTarget topics) : IIngestTarget
{
    public Task<IReadOnlyList<TopicWrite>> WriteToTopicAsync(string topic, IReadOnlyList<KafkaRestRecord> records, CancellationToken cancellation) =>
        topics.WriteToTopicAsync(topic, records, cancellation);

    public async Task<IReadOnlyList<StreamWrite>> WriteToStreamAsync(string stream, IReadOnlyList<KinesisProxyRecord> records, CancellationToken cancellation)
    {
        try
        {
            if (records.Count == 1)
            {
                var written = await kinesis.PutRecordAsync(stream, records[0].Data.ToArray(), records[0].PartitionKey, cancellation: cancellation);
                return [new StreamWrite(written.ShardId, written.SequenceNumber)];
            }

            var entries = records.Select(r => new PutRecordsRequestEntry(r.Data.ToArray(), r.PartitionKey, null)).ToList();
            var response = await kinesis.PutRecordsAsync(stream, entries, cancellation);
            if (response.Records.FirstOrDefault(r => r.ErrorCode is not null) is { } failed)
                throw new IngestError(503, $"Kinesis refused {response.FailedRecordCount} of {records.Count} records: {failed.ErrorCode} {failed.ErrorMessage}");
            return response.Records.Select(r => new StreamWrite(r.ShardId!, r.SequenceNumber!)).ToList();
        }
        catch (KinesisResourceNotFoundException e)
        {
            throw new IngestError(404, e.Message);
        }
        catch (KinesisException e)
        {
            throw new IngestError(503, $"Kinesis did not take the records: {e.Message}");
        }
    }

    public async Task<IReadOnlyList<string>> ListStreamsAsync(CancellationToken cancellation)
    {
        try
        {
            return await kinesis.ListStreamsAsync(cancellation);
        }
        catch (KinesisException e)
        {
            throw new IngestError(503, $"Kinesis did not list its streams: {e.Message}");
        }
    }
}
