namespace Pipeline.Bench;

/// <summary>The live-state path with checkpoints on SQLite, and memory per profile entity.</summary>
internal sealed class LiveStateBenchmark : IBenchmark
{
    public string Name => "live";

    public string Description => "clean records -> assembler -> entities -> leaderboards (5 s checkpoints, SQLite); memory per profile entity";

    public void Run(TextWriter output)
    {
        foreach (var line in LiveStateBench.RunAsync().GetAwaiter().GetResult())
            output.WriteLine(line);
    }
}
