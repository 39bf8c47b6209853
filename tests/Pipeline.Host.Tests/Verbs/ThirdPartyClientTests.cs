using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Pipeline.Host.Tests.Verbs;

/// <summary>What HTTP ingest writes is plain Kafka: kafkajs, a client that shares no code with
/// librdkafka, reads it back byte for byte.</summary>
public class ThirdPartyClientTests
{
    [Fact]
    public async Task Kafkajs_reads_the_records_http_ingest_wrote()
    {
        await using var engine = await RunningEngine.StartAsync();
        string[] values = ["""{"index": 1, "title": "Aydoğdu"}""", """{"index": 2, "follower_count": "10k"}"""];
        var body = $$"""{"records":[{"value":{{values[0]}},"partition":0},{"value":{{values[1]}},"partition":0}]}""";
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/vnd.kafka.json.v2+json");
        Assert.True((await engine.Http.PostAsync("/topics/reader.pin", content)).IsSuccessStatusCode);
        using var status = JsonDocument.Parse(await engine.Http.GetStringAsync("/api/status"));
        var bootstrap = status.RootElement.GetProperty("kafka").GetProperty("bootstrap_servers").GetString()!;

        var (exit, output, error) = await Tools.Node("kafka-read.mjs", bootstrap, "reader.pin", "2");

        Assert.True(exit == 0, error);
        Assert.Equal(values, output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
