namespace Pipeline.Bench;

/// <summary>Issue 5's memory figures: per active and per passivated profile entity, 200,000 of them.</summary>
internal sealed class LiveMemoryBenchmark : IBenchmark
{
    public string Name => "live-memory";

    public string Description => "memory per active and per passivated profile entity, 200,000 profiles (several minutes)";

    public void Run(TextWriter output) => LiveStateBench.RunMemoryAsync(output).GetAwaiter().GetResult();
}
