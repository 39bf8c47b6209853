using System.Diagnostics;
using System.Text;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using Confluent.Kafka;
using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kafka;

namespace Pipeline.Bench;

/// <summary>
/// Kafka consume throughput on the embedded broker: 1,000,000 real-shaped records (rows of
/// ../shared/data repeated, one third per table) read (a) by a bare Confluent.Kafka consume loop and
/// (b) by <see cref="KafkaSource"/> through a pass-through stage to a counting sink that reports
/// every position done, as the engine does. Both use the same consumer properties.
/// </summary>
public static class KafkaConsumeBench
{
    public const int RecordCount = 1_000_000;

    /// <summary>Kept under the mock broker's 5 MB per partition with room for batch and record
    /// headers, so nothing preloaded is trimmed.</summary>
    private const long PartitionBudgetBytes = 3_500_000;

    private const int RecordOverheadBytes = 40;
    private const string Prefix = "bench";

    public sealed record Row(string Name, double Value, string Unit);

    public static IReadOnlyList<Row> Run()
    {
        var rows = RowsByTable();
        using var cluster = MockKafkaCluster.Start();
        var partitions = CreateTopics(cluster, rows);
        var preload = Stopwatch.StartNew();
        Preload(cluster, rows, partitions);
        preload.Stop();
        Console.Error.WriteLine($"kafka: preloaded {RecordCount:N0} records into {partitions.Values.Sum()} partitions in {preload.Elapsed.TotalSeconds:F1} s");

        var bare = Measure(() => BareConsumeLoop(cluster.BootstrapServers));
        Console.Error.WriteLine($"kafka: bare consume loop {bare.RecordsPerSecond:N0} records/s");
        var source = Measure(() => KafkaSourceToCountingSink(cluster.BootstrapServers, "bench-source", reportDone: true));
        var undone = Measure(() => KafkaSourceToCountingSink(cluster.BootstrapServers, "bench-undone", reportDone: false));
        Console.Error.WriteLine($"kafka: source without done reports {undone.RecordsPerSecond:N0} records/s {undone.CpuMicrosecondsPerRecord:N2} cpu-us/record");
        var result = new List<Row>
        {
            new("kafka.preload.partitions", partitions.Values.Sum(), "partitions"),
            new("kafka.preload", RecordCount / preload.Elapsed.TotalSeconds, "records/s"),
            new("kafka.consume.bare", bare.RecordsPerSecond, "records/s"),
            new("kafka.consume.bare.cpu", bare.CpuMicrosecondsPerRecord, "cpu-us/record"),
            new("kafka.consume.source", source.RecordsPerSecond, "records/s"),
            new("kafka.consume.source.cpu", source.CpuMicrosecondsPerRecord, "cpu-us/record"),
            new("kafka.consume.source/bare", source.RecordsPerSecond / bare.RecordsPerSecond, "ratio"),
            new("kafka.consume.bare/source.cpu", bare.CpuMicrosecondsPerRecord / source.CpuMicrosecondsPerRecord, "ratio"),
        };
        foreach (var row in result)
        {
            Console.WriteLine($"{row.Name,-32} {row.Value,14:N2} {row.Unit}");
        }

        return result;
    }

    private readonly record struct Throughput(double RecordsPerSecond, double CpuMicrosecondsPerRecord);

    /// <summary>Wall-clock rate (from the first record to the last) and the process CPU time per
    /// record over the whole run: on a shared machine the second is the steadier figure.</summary>
    private static Throughput Measure(Func<double> run)
    {
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var rate = run();
        process.Refresh();
        return new Throughput(rate, (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / RecordCount);
    }

    private static Dictionary<Table, byte[][]> RowsByTable()
    {
        var data = DataDirectory();
        return Enum.GetValues<Table>().ToDictionary(
            table => table,
            table => File.ReadLines(Path.Combine(data, $"{table.Name()}.jsonl"))
                .Where(line => line.Length > 0)
                .Select(Encoding.UTF8.GetBytes)
                .ToArray());
    }

    private static string DataDirectory()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data");
            if (File.Exists(Path.Combine(candidate, "pin.jsonl")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("No shared/data/pin.jsonl above the current directory.");
    }

    private static int PerTable(Table table) => RecordCount / 3 + (table == Table.Pin ? RecordCount % 3 : 0);

    private static Dictionary<Table, int> CreateTopics(MockKafkaCluster cluster, Dictionary<Table, byte[][]> rows)
    {
        var partitions = new Dictionary<Table, int>();
        foreach (var (table, lines) in rows)
        {
            var averageBytes = lines.Average(line => line.Length) + RecordOverheadBytes;
            partitions[table] = (int)Math.Ceiling(PerTable(table) * averageBytes / PartitionBudgetBytes);
            cluster.CreateTopic(KafkaTopics.Name(Prefix, table), partitions[table]);
        }

        return partitions;
    }

    /// <summary>Each table's rows repeated up to its share of the records, spread round-robin over its partitions.</summary>
    private static void Preload(MockKafkaCluster cluster, Dictionary<Table, byte[][]> rows, Dictionary<Table, int> partitions) =>
        RoundRobinProducer.Produce(
            cluster.BootstrapServers,
            Prefix,
            rows.SelectMany(table => Enumerable.Range(0, PerTable(table.Key)).Select(i => (table.Key, table.Value[i % table.Value.Length]))),
            table => partitions[table]);

    /// <summary>The properties <see cref="KafkaSource"/> sets on its consumer, so (a) and (b) read alike.</summary>
    private static ConsumerConfig ConsumerConfig(string bootstrap, string group) => new()
    {
        BootstrapServers = bootstrap,
        GroupId = group,
        PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
        EnableAutoCommit = false,
        EnableAutoOffsetStore = false,
        AutoOffsetReset = AutoOffsetReset.Earliest,
        ConsumeResultFields = "topic,timestamp",
    };

    /// <summary>Records per second from the first record to the last.</summary>
    private static double BareConsumeLoop(string bootstrap)
    {
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(ConsumerConfig(bootstrap, "bench-bare")).Build();
        consumer.Subscribe(KafkaTopics.AnyPrefixPattern);
        return Pipeline.Bench.BareConsumeLoop.Run(consumer, RecordCount);
    }

    /// <summary>Records per second from the first record to the last.</summary>
    private static double KafkaSourceToCountingSink(string bootstrap, string group, bool reportDone)
    {
        using var system = ActorSystem.Create("kafka-bench", "akka.loglevel = WARNING");
        var materializer = system.Materializer();
        var settings = new KafkaSettings { BootstrapServers = bootstrap, GroupId = group };
        var counted = 0;
        Stopwatch? clock = null;
        var all = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);

        // The control is the materialized value, known only once Run returns; the sink waits for it.
        // (PreMaterialize would hand it over earlier but puts an actor boundary after the source.)
        var controlReady = new TaskCompletionSource<KafkaControl>(TaskCreationOptions.RunContinuationsAsynchronously);
        KafkaControl? known = null;
        var control = KafkaSource.Create(settings)
            .Select(record => record)
            .ToMaterialized(Sink.ForEach<RawRecord>(record =>
            {
                clock ??= Stopwatch.StartNew();
                if (reportDone)
                {
                    (known ??= controlReady.Task.GetAwaiter().GetResult()).MarkDone(record.Position);
                }

                if (++counted == RecordCount)
                {
                    all.SetResult(clock.Elapsed);
                }
            }), Keep.Left)
            .Run(materializer);
        controlReady.SetResult(control);

        var elapsed = all.Task.GetAwaiter().GetResult();
        control.DrainAndShutdown(TimeSpan.FromSeconds(reportDone ? 10 : 0.2)).GetAwaiter().GetResult();
        return (RecordCount - 1) / elapsed.TotalSeconds;
    }
}
