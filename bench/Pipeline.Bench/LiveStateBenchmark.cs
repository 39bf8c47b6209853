namespace Pipeline.Bench;

/// <summary>Issue 5's live-state figures: throughput against the bare consume loop, and latency.</summary>
internal sealed class LiveStateBenchmark : IBenchmark
{
    public string Name => "live";

    public string Description => "Kafka -> clean -> assembler -> entities -> leaderboards (5 s checkpoints, SQLite) vs the bare consume loop; latency at 5,000 records/s";

    public void Run(TextWriter output)
    {
        LiveStateBench.RunAsync(output).GetAwaiter().GetResult();
    }
}
