using System.Globalization;
using Pipeline.Host.Configuration;

namespace Pipeline.Bench;

/// <summary>
/// What running as a cluster costs on one machine: the full path's throughput on 1, 2 and 3
/// engine processes (the same cores, so the ratio is overhead, not speed-up), and the rate of
/// live-path messages across a real remoting connection with the engine's serializer against
/// Akka's default JSON serializer.
/// </summary>
internal sealed class ClusterBenchmark : IBenchmark
{
    private const int Posts = 4_000;
    private const int Profiles = 1_500;

    /// <summary>Messages per timed pass of one workload across the connection.</summary>
    private const int MessagesPerPass = 2_000;

    public string Name => "cluster";

    public string Description => "full path on 1, 2, 3 engine processes (records/s, ratio to one node); cross-node message rate, PipelineSerializer vs Akka's default JSON";

    public void Run(TextWriter output)
    {
        RunNodeCounts(output);
        output.WriteLine();
        RunRemoting(output);
        output.WriteLine("The machine (2 cores) is shared with other work: compare the ratios, not the absolute figures.");
    }

    private static void RunNodeCounts(TextWriter output)
    {
        // Two rounds in opposite orders, so that a change in the machine's other load during the
        // entry falls on every node count alike; each node count keeps its best run.
        var runs = NodeCountThroughput.RunAsync([1, 2, 3, 3, 2, 1], Posts, Profiles, Console.Error).GetAwaiter().GetResult();
        output.WriteLine($"full path, {runs[0].Records:N0} records ({Posts:N0} emulated posts, {Profiles:N0} posters), produced once every node holds its share of the partitions");
        output.WriteLine($"and {NodeCountThroughput.WarmUpPosts} warm-up posts went through, timed until the consumer group committed every partition to its end;");
        output.WriteLine($"every node has every role; {NodeCountThroughput.Settings}");
        output.WriteLine($"{"nodes",5} {"records/s",10} {"ratio",6} {"cpu-us/record (all nodes)",26} {"ratio",6}   rounds (s to commit all)");
        var best = runs.GroupBy(run => run.Nodes)
            .OrderBy(runsOf => runsOf.Key)
            .Select(runsOf =>
            {
                var committed = runsOf.Where(run => run.Failure is null).ToList();
                var rounds = string.Join(", ", runsOf.Select(run => run.Failure is null ? run.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) : "failed"));
                return (Nodes: runsOf.Key, Rate: committed.Count > 0 ? committed.Max(run => run.RecordsPerSecond) : double.NaN, Cpu: committed.Count > 0 ? committed.Min(run => run.CpuMicrosecondsPerRecord) : double.NaN, Rounds: rounds);
            })
            .ToList();
        var one = best[0];
        foreach (var (nodes, rate, cpu, rounds) in best)
        {
            output.WriteLine($"{nodes,5} {rate,10:N0} {rate / one.Rate,6:F2} {cpu,26:N0} {cpu / one.Cpu,6:F2}   {rounds}");
        }

        foreach (var failure in runs.Select(run => run.Failure).OfType<string>())
            output.WriteLine($"failed run: {failure}");
        output.WriteLine("Best of 2 rounds (1, 2, 3 nodes, then 3, 2, 1). Throughput and commit progress only: the multi-node test suite checks the answers.");
    }

    private static void RunRemoting(TextWriter output)
    {
        var engine = EngineConfig.Load();
        using var pipeline = RemotingRate.Start("pipeline", RemotingRate.PipelineBindings, engine);
        using var json = RemotingRate.Start("json", RemotingRate.DefaultBindings, engine);
        var cleaned = LivePathMessages.CleanedRealRows();
        output.WriteLine($"cross-node messages: two actor systems in one process over Akka.Remote TCP on 127.0.0.1, {RemotingRate.Window} unacknowledged at a time, acks are Int64 (Akka's primitive serializer);");
        output.WriteLine("\"default\" leaves out hocon/serialization.conf, so the engine's \"System.Object\" = refuse-unbound binding is dropped and Akka's \"System.Object\" = json (Newtonsoft) applies.");
        output.WriteLine($"{"messages",-30} {"serializer",-10} {"bytes/msg",10} {"msg/s wall",11} {"msg/s cpu",10}");
        foreach (var (name, messages) in LivePathMessages.Batches(cleaned, LivePathMessages.Changes(cleaned)))
        {
            var rates = Throughput.Measure(MessagesPerPass,
            [
                () => pipeline.Send(messages, MessagesPerPass),
                () => json.Send(messages, MessagesPerPass),
            ], rounds: 3);
            var (pipelineSize, jsonSize) = (messages.Average(pipeline.SerializedSize), messages.Average(json.SerializedSize));
            output.WriteLine($"{name,-30} {"pipeline",-10} {pipelineSize,10:N0} {rates[0].PerWallSecond,11:N0} {rates[0].PerCpuSecond,10:N0}");
            output.WriteLine($"{"",-30} {"default",-10} {jsonSize,10:N0} {rates[1].PerWallSecond,11:N0} {rates[1].PerCpuSecond,10:N0}");
            output.WriteLine($"{"",-30} {"ratio",-10} {jsonSize / pipelineSize,9:F1}x {rates[0].PerWallSecond / rates[1].PerWallSecond,10:F1}x {rates[0].PerCpuSecond / rates[1].PerCpuSecond,9:F1}x   (default / pipeline size, pipeline / default rate)");
        }

        output.WriteLine("Rates are best of 3 interleaved rounds; cpu is both actor systems' (this process's) processor time.");
    }
}
