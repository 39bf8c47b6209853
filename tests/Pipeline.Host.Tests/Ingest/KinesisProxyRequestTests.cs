using System.Text;
using Pipeline.Host.Ingest;
using Xunit;

namespace Pipeline.Host.Tests.Ingest;

public class KinesisProxyRequestTests
{
    private static ReadOnlyMemory<byte> Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Data_sent_as_an_object_is_kept_as_its_json_text()
    {
        var record = KinesisProxyRequest.ParseRecord(
            Utf8("""{"StreamName":"streaming-u1-geo","Data":{"ind": 7528, "timestamp": "2020-08-28 03:52:47"},"PartitionKey":"partition-1"}"""),
            "streaming-u1-geo");

        Assert.Equal("""{"ind": 7528, "timestamp": "2020-08-28 03:52:47"}""", Encoding.UTF8.GetString(record.Data.Span));
        Assert.Equal("partition-1", record.PartitionKey);
    }

    [Fact]
    public void Data_sent_as_base64_is_decoded_and_the_stream_name_may_be_absent()
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"ind":1}"""));

        var record = KinesisProxyRequest.ParseRecord(Utf8($$"""{"Data":"{{encoded}}","PartitionKey":"p"}"""), "streaming-u1-user");

        Assert.Equal("""{"ind":1}""", Encoding.UTF8.GetString(record.Data.Span));
    }

    [Fact]
    public void Batches_use_the_lower_case_names_of_the_proxy()
    {
        var records = KinesisProxyRequest.ParseRecords(Utf8("""{"records":[{"data":{"ind":1},"partition-key":"a"},{"data":{"ind":2},"partition-key":"b"}]}"""));

        Assert.Equal(["a", "b"], records.Select(r => r.PartitionKey));
    }

    [Theory]
    [InlineData("""{"StreamName":"streaming-other-pin","Data":{},"PartitionKey":"p"}""")]
    [InlineData("""{"Data":{},"PartitionKey":""}""")]
    [InlineData("""{"PartitionKey":"p"}""")]
    [InlineData("""{"Data":"not base64!","PartitionKey":"p"}""")]
    [InlineData("""{"Data":12,"PartitionKey":"p"}""")]
    public void Bad_single_records_are_refused(string body)
    {
        var error = Assert.Throws<IngestError>(() => KinesisProxyRequest.ParseRecord(Utf8(body), "streaming-u1-pin"));

        Assert.Equal(400, error.Status);
    }

    [Theory]
    [InlineData("""{"records":[]}""")]
    [InlineData("""{"records":[{"data":{}}]}""")]
    [InlineData("""{"data":{}}""")]
    public void Bad_batches_are_refused(string body)
    {
        Assert.Equal(400, Assert.Throws<IngestError>(() => KinesisProxyRequest.ParseRecords(Utf8(body))).Status);
    }
}
