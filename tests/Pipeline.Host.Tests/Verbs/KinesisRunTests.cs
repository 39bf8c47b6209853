using System.Text;
using System.Text.Json;
using Akka.Configuration;
using Pipeline.Actors.Sources.Kinesis;
using Pipeline.Actors.Sources.Kinesis.Client;
using Xunit;

namespace Pipeline.Host.Tests.Verbs;

/// <summary><c>pipeline run</c> with Kinesis enabled, against kinesalite.</summary>
public sealed class KinesisRunTests
{
    [Fact]
    public async Task Kinesis_shaped_requests_go_to_kinesis_and_its_source_feeds_the_cleaning_stages()
    {
        using var kinesalite = await Kinesalite.StartAsync();
        using var folder = new EngineFolder($$"""
            pipeline.kinesis {
              endpoint = "{{kinesalite.Endpoint}}"
              access-key-id = "local"
              secret-access-key = "local"
              idle-poll-interval = 200ms
            }
            """);
        var overlay = folder.Config;
        var journal = Path.Combine(folder.Root, "journal.db");
        var settings = KinesisSettings.FromConfig(ConfigurationFactory.ParseString(File.ReadAllText(overlay)).WithFallback(
            ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "hocon", "kinesis.conf")))));
        using (var client = new KinesisClient(settings))
        {
            await client.CreateStreamAsync("streaming-u1-geo", 2);
            await client.WaitForActiveAsync("streaming-u1-geo", TimeSpan.FromSeconds(10));
        }

        await using var engine = await RunningEngine.StartAsync("--config", overlay);
        var geo = new StringContent("""{"StreamName":"streaming-u1-geo","Data":{"ind":9,"timestamp":"2020-08-28T03:52:47","latitude":1,"longitude":2,"country":"Chad"},"PartitionKey":"p"}""",
            Encoding.UTF8, "application/json");
        var response = await engine.Http.PutAsync("/streams/streaming-u1-geo/record", geo);
        using var written = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.True(response.IsSuccessStatusCode, written.RootElement.GetRawText());
        Assert.StartsWith("shardId-", written.RootElement.GetProperty("ShardId").GetString());
        var status = await engine.WhenProcessed(1);
        Assert.Equal(1, status.GetProperty("cleaning").GetProperty("geo").GetProperty("clean").GetInt64());
        var shards = status.GetProperty("kinesis").EnumerateArray().Single().GetProperty("shards").EnumerateArray().ToList();
        Assert.Contains(shards, s => s.GetProperty("last_read").GetString() == written.RootElement.GetProperty("SequenceNumber").GetString());
        Assert.Equal(0, await engine.StopAsync());
        Assert.True(File.Exists(journal), "the checkpoint journal was written");
    }
}
