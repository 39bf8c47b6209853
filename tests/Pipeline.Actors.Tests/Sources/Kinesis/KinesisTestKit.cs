using System.Text;
using Akka.Actor;
using Akka.Configuration;
using Akka.Streams;
using Akka.Streams.Dsl;
using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kinesis;
using Pipeline.Actors.Sources.Kinesis.Client;
using Xunit.Abstractions;

namespace Pipeline.Actors.Tests.Sources.Kinesis;

/// <summary>An actor system with the SQLite journal on a file of its own and Kinesis settings for a
/// given endpoint; runs sources into the test actor.</summary>
public abstract class KinesisTestKit : Akka.TestKit.Xunit2.TestKit
{
    protected KinesisTestKit(Uri endpoint, ITestOutputHelper output, string overrides = "")
        : base(KinesisTestConfig.For(endpoint, KinesisTestConfig.TemporaryJournal(), overrides), output: output)
    {
        Settings = KinesisTestConfig.Settings(Sys.Settings.Config);
        Client = new KinesisClient(Settings);
        Materializer = Sys.Materializer();
    }

    protected KinesisSettings Settings { get; }

    protected KinesisClient Client { get; }

    protected IMaterializer Materializer { get; }

    protected static string Text(RawRecord record) => Encoding.UTF8.GetString(record.Value.Span);

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Runs the stream's source into the test actor (each element as a message).</summary>
    protected (KinesisControl Control, Task Completion) Run(string stream, KinesisSettings? settings = null)
    {
        var testActor = TestActor;
        var (control, completion) = KinesisSource.Create(Sys, Client, settings ?? Settings, stream)
            .ToMaterialized(Sink.ForEach<RawRecord>(record => testActor.Tell(record)), Keep.Both)
            .Run(Materializer);
        return (control, completion);
    }

    protected async Task CreateStreamAsync(string stream, int shards)
    {
        await Client.CreateStreamAsync(stream, shards);
        await Client.WaitForActiveAsync(stream, TimeSpan.FromSeconds(10));
    }

    protected async Task<List<PutRecordResponse>> PutAsync(string stream, IEnumerable<string> texts)
    {
        var written = new List<PutRecordResponse>();
        foreach (var text in texts)
        {
            written.Add(await Client.PutRecordAsync(stream, Bytes(text), partitionKey: text));
        }

        return written;
    }

    protected List<RawRecord> ReceiveRecords(int count, TimeSpan? timeout = null) =>
        ReceiveN(count, timeout ?? TimeSpan.FromSeconds(30)).Cast<RawRecord>().ToList();

    protected override void Dispose(bool disposing)
    {
        var journal = new SqliteFile(Sys.Settings.Config);
        Client.Dispose();
        base.Dispose(disposing);
        journal.Delete();
    }

    private sealed class SqliteFile(Config config)
    {
        private readonly string _path = config.GetString("akka.persistence.journal.sql.connection-string")["Data Source=".Length..];

        public void Delete()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(_path);
        }
    }
}
