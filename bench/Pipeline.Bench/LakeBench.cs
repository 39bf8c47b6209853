using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using Amazon.Runtime;
using DuckDB.NET.Data;
using Pipeline.Actors.History;
using Pipeline.Actors.Lake;
using Pipeline.Actors.Records;

namespace Pipeline.Bench;

/// <summary>
/// The lake and history benchmarks: LakeSink throughput into the folder store and into s3rver
/// (records/s and MB/s of Parquet written), and the history job over a lake of emulated posts
/// against the same 8 metrics written as plain DuckDB SQL over the same Parquet files.
/// Each method returns its table rows (name, value, unit) and prints them.
/// </summary>
public static class LakeBench
{
    /// <param name="repositoryRoot">Where tools/node_modules/s3rver is installed; null skips s3rver.</param>
    public static async Task<IReadOnlyList<string[]>> RunAsync(string? repositoryRoot, int lakePosts = 100_000, int s3Posts = 20_000, int historyPosts = 1_000_000)
    {
        var rows = new List<string[]>();
        void Add(IEnumerable<string[]> more)
        {
            foreach (var row in more)
            {
                Console.WriteLine($"{row[0],-50} {row[1],14} {row[2]}");
                rows.Add(row);
            }
        }

        Add(await SinkThroughputAsync("folder", lakePosts, root => Task.FromResult<(ILakeStore, Action)>((new FolderLakeStore(root), () => { }))));
        Add(await SinkThroughputAsync("folder", lakePosts, root => Task.FromResult<(ILakeStore, Action)>((new FolderLakeStore(root), () => { })), LakeDatePartition.ArrivalTime));
        if (repositoryRoot is not null)
        {
            Add(await SinkThroughputAsync("s3rver", s3Posts, root => StartS3rverAsync(repositoryRoot, root)));
            Add(await SinkThroughputAsync("s3rver", s3Posts, root => StartS3rverAsync(repositoryRoot, root), LakeDatePartition.ArrivalTime));
        }

        Add(await HistoryAsync(historyPosts));
        Add(await HistoryAsync(historyPosts, LakeDatePartition.ArrivalTime));
        return rows;
    }

    /// <summary>Records/s through LakeSink (raw + Parquet + markers) with the default window
    /// settings, 3 topics x 4 partitions, clean tables partitioned by <paramref name="partitionDate"/>.</summary>
    public static async Task<IReadOnlyList<string[]>> SinkThroughputAsync(
        string storeName, int posts, Func<string, Task<(ILakeStore Store, Action Stop)>> open, LakeDatePartition partitionDate = LakeDatePartition.EventTime)
    {
        var name = $"{storeName}, {(partitionDate == LakeDatePartition.EventTime ? "event" : "arrival")} dates";
        var root = Scratch("bench-" + storeName);
        var (inner, stop) = await open(root);
        var store = new ParquetCountingStore(inner);
        using var system = ActorSystem.Create("lake-bench");
        try
        {
            var entries = EmulatedPosts(posts).SelectMany(p => p.Entries()).ToList();
            var settings = LakeSettings.FromConfig(Akka.Configuration.ConfigurationFactory.Empty) with { PartitionDate = partitionDate };
            var clock = Stopwatch.StartNew();
            var committed = await Source.From(entries)
                .Via(LakeSink.Create(store, settings))
                .RunWith(Sink.Aggregate<SourcePosition, int>(0, (n, _) => n + 1), system.Materializer());
            var seconds = clock.Elapsed.TotalSeconds;
            var (parquetObjects, parquetBytes) = (store.ParquetObjects, store.ParquetBytes);
            return
            [
                [$"lake sink into {name}: records", entries.Count.ToString(CultureInfo.InvariantCulture), $"({committed} windows, {parquetObjects} Parquet objects)"],
                [$"lake sink into {name}: throughput", (entries.Count / seconds).ToString("F0", CultureInfo.InvariantCulture), "records/s"],
                [$"lake sink into {name}: Parquet written", (parquetBytes / 1e6 / seconds).ToString("F2", CultureInfo.InvariantCulture), $"MB/s ({parquetBytes / 1e6:F1} MB)"],
            ];
        }
        finally
        {
            stop();
            (inner as IDisposable)?.Dispose();
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Counts the Parquet bytes put through it (listing thousands of objects back from
    /// s3rver is slow and fails).</summary>
    private sealed class ParquetCountingStore(ILakeStore inner) : ILakeStore
    {
        private long _bytes;
        private int _objects;

        public long ParquetBytes => Interlocked.Read(ref _bytes);

        public int ParquetObjects => Volatile.Read(ref _objects);

        public string Location => inner.Location;

        public async Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
        {
            await inner.PutAsync(key, content, cancellationToken);
            if (key.EndsWith(".parquet", StringComparison.Ordinal))
            {
                Interlocked.Add(ref _bytes, content.Length);
                Interlocked.Increment(ref _objects);
            }
        }

        public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

        public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
    }

    /// <summary>The history job's metrics over a lake of <paramref name="posts"/> emulated posts, and
    /// the same metrics as plain DuckDB SQL over the same files (no latest-record step).</summary>
    public static async Task<IReadOnlyList<string[]>> HistoryAsync(int posts, LakeDatePartition partitionDate = LakeDatePartition.EventTime)
    {
        var root = Scratch("bench-history");
        var name = $"history ({(partitionDate == LakeDatePartition.EventTime ? "event" : "arrival")} dates)";
        try
        {
            var writer = new LakeWindowWriter(new FolderLakeStore(root), partitionDate);
            var clock = Stopwatch.StartNew();
            foreach (var chunk in EmulatedPosts(posts).Chunk(250_000))
            {
                foreach (var table in new[] { Table.Pin, Table.Geo, Table.User })
                    await writer.WriteAsync(new LakeWindow(chunk.Select(p => p.Entries()[(int)table]).ToList()));
            }

            var writeSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var job = LakeMetrics.Compute(root, MetricRanges.Default);
            var jobSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var plain = PlainSql(root);
            var plainSeconds = clock.Elapsed.TotalSeconds;
            var agree = job.Select(t => t.Rows.Count).SequenceEqual(plain);
            var files = Directory.EnumerateFiles(Path.Combine(root, "tables"), "*.parquet", SearchOption.AllDirectories).Count();
            return
            [
                [$"{name}: emulated posts", posts.ToString(CultureInfo.InvariantCulture), $"({files} Parquet files written in {writeSeconds:F1} s)"],
                [$"{name}: job, latest per post + 9 tables", jobSeconds.ToString("F2", CultureInfo.InvariantCulture), "s"],
                [$"{name}: plain DuckDB SQL, same 9 tables", plainSeconds.ToString("F2", CultureInfo.InvariantCulture), $"s (row counts agree: {agree})"],
                [$"{name}: job / plain DuckDB", (jobSeconds / plainSeconds).ToString("F2", CultureInfo.InvariantCulture), "x"],
            ];
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The 8 metrics as one would write them by hand in DuckDB over the Parquet files;
    /// returns each table's row count, in the order of <see cref="LakeMetrics.Names"/>.</summary>
    private static List<int> PlainSql(string root)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        string Files(string table) => Path.Combine(root, "tables", table, "*", "*.parquet");
        var age = "CASE WHEN age BETWEEN 18 AND 24 THEN '18-24' WHEN age BETWEEN 25 AND 35 THEN '25-35' WHEN age BETWEEN 36 AND 50 THEN '36-50' WHEN age > 50 THEN '50+' END";
        Run(connection, $"""
            SET TimeZone = 'UTC';
            CREATE VIEW pin AS SELECT * FROM read_parquet('{Files("pin")}', hive_partitioning = false);
            CREATE VIEW geo AS SELECT * FROM read_parquet('{Files("geo")}', hive_partitioning = false);
            CREATE VIEW usr AS SELECT *, {age} AS age_group, year(date_joined) AS join_year FROM read_parquet('{Files("user")}', hive_partitioning = false);
            """);
        string[] queries =
        [
            "SELECT country, arg_max(category, n) FROM (SELECT country, category, count(*) n FROM pin JOIN geo USING (ind) GROUP BY ALL) GROUP BY country",
            "SELECT y, arg_max(category, n) FROM (SELECT year(timestamp) y, category, count(*) n FROM pin JOIN geo USING (ind) WHERE year(timestamp) BETWEEN 2018 AND 2022 GROUP BY ALL) GROUP BY y",
            "SELECT country, arg_max(poster_name, follower_count), max(follower_count) FROM pin JOIN geo USING (ind) WHERE follower_count IS NOT NULL GROUP BY country",
            "SELECT country, poster_name, follower_count FROM pin JOIN geo USING (ind) WHERE follower_count IS NOT NULL ORDER BY follower_count DESC LIMIT 1",
            "SELECT age_group, arg_max(category, n) FROM (SELECT age_group, category, count(*) n FROM pin JOIN usr USING (ind) WHERE age_group IS NOT NULL GROUP BY ALL) GROUP BY age_group",
            "SELECT age_group, quantile_disc(follower_count, 0.5) FROM pin JOIN usr USING (ind) WHERE age_group IS NOT NULL GROUP BY age_group",
            "SELECT join_year, count(DISTINCT (user_name, age, date_joined)) FROM usr WHERE join_year BETWEEN 2015 AND 2020 GROUP BY join_year",
            "SELECT join_year, quantile_disc(follower_count, 0.5) FROM pin JOIN usr USING (ind) WHERE join_year BETWEEN 2015 AND 2020 GROUP BY join_year",
            "SELECT age_group, join_year, quantile_disc(follower_count, 0.5) FROM pin JOIN usr USING (ind) WHERE age_group IS NOT NULL AND join_year BETWEEN 2015 AND 2020 GROUP BY ALL",
        ];
        var counts = new List<int>();
        foreach (var sql in queries)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var n = 0;
            while (reader.Read())
                n++;
            counts.Add(n);
        }

        return counts;
    }

    private static void Run(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed record EmulatedPost(long Ind, CleanPin Pin, CleanGeo Geo, CleanUser User, DateTimeOffset Arrival)
    {
        public LakeEntry[] Entries() =>
        [
            Entry(Pin, "p.pin", $"{{\"index\":{Ind},\"poster_name\":\"{Pin.PosterName}\",\"follower_count\":\"{Pin.FollowerCount}\",\"category\":\"{Pin.Category}\"}}"),
            Entry(Geo, "p.geo", $"{{\"ind\":{Ind},\"country\":\"{Geo.Country}\",\"timestamp\":\"{Geo.Timestamp:yyyy-MM-dd HH:mm:ss}\"}}"),
            Entry(User, "p.user", $"{{\"ind\":{Ind},\"first_name\":\"{User.UserName}\",\"age\":{User.Age}}}"),
        ];

        private LakeEntry Entry(ICleanRecord record, string topic, string raw)
        {
            var position = new SourcePosition($"kafka:bench/{topic}", (Ind % 4).ToString(CultureInfo.InvariantCulture), (Ind / 4).ToString(CultureInfo.InvariantCulture), Arrival);
            return new LakeEntry(new RawRecord(record.Table, Encoding.UTF8.GetBytes(raw), position), new CleanedRecord(record, [], position));
        }
    }

    /// <summary>Deterministic posts shaped like the real data: 5,000 posters, 15 categories,
    /// 50 countries, post times over 2017-10..2022-10, join dates over 2015-10..2017-10.</summary>
    private static IEnumerable<EmulatedPost> EmulatedPosts(int count)
    {
        var random = new Random(100);
        string[] categories = ["art", "beauty", "christmas", "diy-and-crafts", "education", "event-planning", "finance", "home-decor", "mens-fashion", "quotes", "tattoos", "travel", "vehicles", "womens-fashion", "food"];
        var start = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        var postFrom = new DateTimeOffset(2017, 10, 1, 0, 0, 0, TimeSpan.Zero);
        var joinFrom = new DateTimeOffset(2015, 10, 1, 0, 0, 0, TimeSpan.Zero);
        for (long ind = 0; ind < count; ind++)
        {
            var person = random.Next(5_000);
            var category = categories[random.Next(categories.Length)];
            long? followers = random.Next(20) == 0 ? null : random.Next(1_000_000);
            yield return new EmulatedPost(
                ind,
                new CleanPin(ind, Guid.NewGuid().ToString(), "A title", "A description", followers, $"poster-{person}", ["tag", "other tag"], "image", null, $"/data/{category}", category, true),
                new CleanGeo(ind, $"country-{random.Next(50):D2}", new Coordinates(random.NextDouble() * 180 - 90, random.NextDouble() * 360 - 180), postFrom.AddMinutes(random.Next(5 * 365 * 1440))),
                new CleanUser(ind, $"user {person}", 18 + person % 43, joinFrom.AddDays(person % 730)),
                start.AddMilliseconds(ind));
        }
    }

    private static async Task<(ILakeStore, Action)> StartS3rverAsync(string repositoryRoot, string folder)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var script = Path.Combine(repositoryRoot, "tools", "node_modules", "s3rver", "bin", "s3rver.js");
        var process = Process.Start(new ProcessStartInfo("node")
        {
            ArgumentList = { script, "-d", folder, "-a", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "--silent", "--configure-bucket", "lake" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var connected = false; !connected;)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                connected = true;
            }
            catch (SocketException) when (!process.HasExited)
            {
                await Task.Delay(50);
            }
        }

        var settings = LakeSettings.FromConfig(Akka.Configuration.ConfigurationFactory.Empty).S3 with
        {
            Bucket = "lake",
            Endpoint = $"http://127.0.0.1:{port}",
            PathStyle = true,
        };
        return (new S3LakeStore(settings, new BasicAWSCredentials("S3RVER", "S3RVER")), () =>
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        });
    }

    private static string Scratch(string name) => Directory.CreateTempSubdirectory(name + "-").FullName;
}
