namespace Pipeline.Host.Ingest;

/// <summary>Where a Kafka REST record was written: the broker's acknowledgement.</summary>
public readonly record struct TopicWrite(int Partition, long Offset);

/// <summary>Where a Kinesis proxy record was written, in Kinesis's own terms.</summary>
public readonly record struct StreamWrite(string ShardId, string SequenceNumber);

/// <summary>
/// The log behind the HTTP ingest endpoints. Each call returns only after the log acknowledged every
/// record, so a 200 means the records are durable in the log.
/// </summary>
public interface IIngestTarget
{
    Task<IReadOnlyList<TopicWrite>> WriteToTopicAsync(string topic, IReadOnlyList<KafkaRestRecord> records, CancellationToken cancellation);

    Task<IReadOnlyList<StreamWrite>> WriteToStreamAsync(string stream, IReadOnlyList<KinesisProxyRecord> records, CancellationToken cancellation);

    Task<IReadOnlyList<string>> ListStreamsAsync(CancellationToken cancellation);
}
