using Akka;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Records;

namespace Pipeline.Bench.Cleaning;

/// <summary>
/// The cleaning stage inside a running stream: the plain <see cref="CleaningFlow"/> (one
/// <c>Select</c>) against ordered parallel variants, to show whether spreading cleaning over the
/// thread pool pays for its hand-offs.
/// </summary>
internal sealed class CleaningFlowBenchmark : IBenchmark
{
    private const int TargetRecords = 1_000_000;

    public string Name => "cleaning-flow";

    public string Description => "CleaningFlow (Select) vs ordered parallel variants, records/s through a stream";

    public void Run(TextWriter output)
    {
        var rows = RealRows.All();
        var repeats = Math.Max(1, TargetRecords / rows.Count);
        var records = (long)repeats * rows.Count;
        using var system = ActorSystem.Create("bench", "akka.loglevel = WARNING");
        var materializer = system.Materializer();

        var variants = new (string Name, Flow<RawRecord, Cleaned, NotUsed> Flow)[]
        {
            ("Select (CleaningFlow.Create)", CleaningFlow.Create()),
            ("SelectAsync(2) per record", Flow.Create<RawRecord>().SelectAsync(2, raw => Task.Run(() => RecordCleaner.Clean(raw)))),
            ("SelectAsync(2) per 256", Flow.Create<RawRecord>().Grouped(256)
                .SelectAsync(2, batch => Task.Run(() => batch.Select(RecordCleaner.Clean).ToList()))
                .SelectMany(batch => batch)),
        };

        output.WriteLine($"{Environment.ProcessorCount} cores; {records:N0} records");
        output.WriteLine($"{"variant",-30} {"rec/s wall",12} {"rec/s per cpu",14}");
        foreach (var (name, flow) in variants)
        {
            var rate = Throughput.Measure(records, [() => Source.From(Repeat(rows, repeats)).Via(flow)
                .RunWith(Sink.Aggregate<Cleaned, long>(0, (count, _) => count + 1), materializer)
                .Wait()])[0];
            output.WriteLine($"{name,-30} {rate.PerWallSecond,12:N0} {rate.PerCpuSecond,14:N0}");
        }
    }

    private static IEnumerable<RawRecord> Repeat(IReadOnlyList<RawRecord> rows, int repeats)
    {
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            foreach (var row in rows)
            {
                yield return row;
            }
        }
    }
}
