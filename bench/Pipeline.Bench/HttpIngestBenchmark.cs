using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Pipeline.Actors.Records;
using Pipeline.Host.Cli;
using Pipeline.Host.Verbs;

namespace Pipeline.Bench;

/// <summary>
/// HTTP ingest into the embedded Kafka through the real <c>pipeline run</c>: single-record requests
/// (the original clients' pattern) beside batched requests of 100 records, in the same run.
/// </summary>
internal sealed class HttpIngestBenchmark : IBenchmark
{
    private const int Records = 20_000;
    private const int Concurrency = 8;

    public string Name => "http";

    public string Description => $"HTTP ingest records/s: {Records:N0} records one per request vs 100 per request ({Concurrency} clients)";

    public void Run(TextWriter output) => RunAsync(output).GetAwaiter().GetResult();

    private static async Task RunAsync(TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("pipeline-bench-http-").FullName;
        var config = Path.Combine(folder, "bench.conf");
        await File.WriteAllTextAsync(config, $$"""
            pipeline.lake.folder.path = "{{Path.Combine(folder, "lake")}}"
            akka.persistence.journal.sql.connection-string = "Data Source={{Path.Combine(folder, "journal.db")}}"
            akka.persistence.snapshot-store.sql.connection-string = "Data Source={{Path.Combine(folder, "journal.db")}}"
            akka.remote.dot-netty.tcp.port = 0
            akka.cluster.seed-nodes = []
            akka.loglevel = WARNING
            """);
        var log = new StringWriter();
        using var stop = new CancellationTokenSource();
        var terminal = new Terminal(TextWriter.Null, TextWriter.Synchronized(log), () => Stream.Null, () => Stream.Null);
        var engine = new CommandLine(Verbs.All).RunAsync(["run", "--urls", "http://127.0.0.1:18099", "--config", config], terminal, stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:18099/") };
        await WaitUntilUp(http, engine);

        var pins = RealRows.Load("pin.jsonl", Table.Pin).Select(r => Encoding.UTF8.GetString(r.Value.Span)).ToList();
        var rows = Enumerable.Range(0, Records).Select(i => pins[i % pins.Count]).ToList();
        var single = await Measure(http, rows, batch: 1);
        var batched = await Measure(http, rows, batch: 100);
        output.WriteLine($"{"single-record requests",-50} {single,14:N0} records/s");
        output.WriteLine($"{"batched requests (100 records)",-50} {batched,14:N0} records/s");
        output.WriteLine($"{"batched / single",-50} {batched / single,14:N2}");

        await stop.CancelAsync();
        await engine;
        Directory.Delete(folder, recursive: true);
    }

    private static async Task WaitUntilUp(HttpClient http, Task engine)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (engine.IsCompleted)
                throw new InvalidOperationException("pipeline run ended before it served HTTP");
            try
            {
                if ((await http.GetAsync("api/status")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("pipeline run did not serve HTTP within 60 s");
    }

    private static async Task<double> Measure(HttpClient http, IReadOnlyList<string> rows, int batch)
    {
        var batches = rows.Chunk(batch).ToList();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < batches.Count)
            {
                var body = "{\"records\":[" + string.Join(',', batches[index].Select(r => "{\"value\":" + r + "}")) + "]}";
                using var content = new StringContent(body, Encoding.UTF8);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/vnd.kafka.json.v2+json");
                using var response = await http.PostAsync("topics/bench.pin", content);
                response.EnsureSuccessStatusCode();
            }
        }));
        return rows.Count / clock.Elapsed.TotalSeconds;
    }
}
