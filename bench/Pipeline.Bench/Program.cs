using Pipeline.Bench;
using Pipeline.Bench.Cleaning;

// Usage: dotnet run -c Release --project bench/Pipeline.Bench -- [entry ...]; no entry runs them all.
IBenchmark[] entries = [new CleaningBenchmark(), new CleaningFlowBenchmark(), new KafkaBenchmark(), new HttpIngestBenchmark(), new LakeBenchmark(), new LiveStateBenchmark(), new LiveMemoryBenchmark(), new SerializationBenchmark(), new ClusterBenchmark()];

if (args.Any(arg => arg is "-h" or "--help"))
{
    Console.WriteLine("usage: Pipeline.Bench [entry ...]   (no entry runs all)");
    foreach (var entry in entries)
    {
        Console.WriteLine($"  {entry.Name,-16} {entry.Description}");
    }

    return 0;
}

var unknown = args.Where(arg => entries.All(entry => entry.Name != arg)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"unknown bench entry: {string.Join(", ", unknown)}; try --help");
    return 2;
}

foreach (var entry in entries.Where(entry => args.Length == 0 || args.Contains(entry.Name)))
{
    Console.WriteLine($"== {entry.Name}: {entry.Description}");
    entry.Run(Console.Out);
    Console.WriteLine();
}

return 0;
