using System.Diagnostics;

namespace Pipeline.Bench;

/// <summary>One pass's best rate, by processor time and by wall-clock time.</summary>
internal readonly record struct Rate(double PerCpuSecond, double PerWallSecond);

/// <summary>Records per second of passes over one workload, best of several interleaved rounds.</summary>
internal static class Throughput
{
    /// <summary>
    /// Runs every pass once to warm up, then <paramref name="rounds"/> rounds of each pass in turn,
    /// keeping each pass's fastest round. The rate per processor-second (all threads of the process,
    /// so the collector's work counts) is what a pass costs one core; it stays meaningful on a
    /// machine shared with other work, where wall-clock time also measures waiting for a core.
    /// Interleaving exposes all passes alike to that other work.
    /// </summary>
    public static Rate[] Measure(long records, IReadOnlyList<Action> passes, int rounds = 5)
    {
        foreach (var pass in passes)
        {
            pass();
        }

        var process = Process.GetCurrentProcess();
        var bestCpu = Enumerable.Repeat(TimeSpan.MaxValue, passes.Count).ToArray();
        var bestWall = Enumerable.Repeat(TimeSpan.MaxValue, passes.Count).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < passes.Count; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                passes[i]();
                watch.Stop();
                process.Refresh();
                var cpu = process.TotalProcessorTime - cpuBefore;
                bestCpu[i] = cpu < bestCpu[i] ? cpu : bestCpu[i];
                bestWall[i] = watch.Elapsed < bestWall[i] ? watch.Elapsed : bestWall[i];
            }
        }

        return bestCpu.Zip(bestWall, (cpu, wall) => new Rate(records / cpu.TotalSeconds, records / wall.TotalSeconds)).ToArray();
    }
}
