using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kafka;
using Pipeline.Actors.Sources.Kinesis;

namespace Pipeline.Host.Ingest;

/// <summary>
/// The names HTTP ingest accepts: Kafka topics <c>&lt;prefix&gt;.pin|geo|user</c> and Kinesis streams
/// <c>streaming-&lt;prefix&gt;-pin|geo|user</c>, with a prefix that is also legal in a Kafka topic
/// name, since a stream's records go to the topic of the same table when Kinesis is off.
/// </summary>
public static class StreamNames
{
    public static bool TryParseTopic(string topic, out string prefix, out Table table)
    {
        prefix = KafkaTopics.TryParseTable(topic, out table) ? topic[..topic.LastIndexOf('.')] : "";
        return prefix.Length > 0 && KafkaTopics.IsValidPrefix(prefix);
    }

    public static bool TryParseStream(string stream, out string prefix, out Table table) =>
        KinesisStreamName.TryParse(stream, out prefix, out table) && KafkaTopics.IsValidPrefix(prefix);

    public static string Topic(string prefix, Table table) => KafkaTopics.Name(prefix, table);

    public static string Stream(string prefix, Table table) => KinesisStreamName.For(prefix, table);
}
