namespace Pipeline.Bench;

/// <summary>The Kafka source beside a bare Confluent consume loop over the same preloaded records.</summary>
internal sealed class KafkaBenchmark : IBenchmark
{
    public string Name => "kafka";

    public string Description => "1,000,000 records in the mock cluster: bare consume loop vs KafkaSource (b/a)";

    public void Run(TextWriter output)
    {
        foreach (var row in KafkaConsumeBench.Run())
            output.WriteLine($"{row.Name,-50} {row.Value,14:N2} {row.Unit}");
    }
}
