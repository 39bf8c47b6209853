using System.Text;
using Pipeline.Actors.History;
using Pipeline.Actors.Records;
using Xunit;

namespace Pipeline.Actors.Tests.History;

public sealed class MetricTableJsonTests
{
    [Fact]
    public void Writes_the_api_shape_and_reads_it_back()
    {
        var table = new MetricTable(MetricNames.TopUserByCountry, MetricNames.Columns[MetricNames.TopUserByCountry],
            [["Chile", "Bob \"B\"", 300L], ["Peru", null, 9_000_000_000L]]);

        var json = MetricTableJson.Write(table);

        Assert.Equal(
            "{\"metric\":\"top_user_by_country\",\"columns\":[\"country\",\"poster_name\",\"follower_count\"],"
            + "\"rows\":[[\"Chile\",\"Bob \\u0022B\\u0022\",300],[\"Peru\",null,9000000000]]}",
            Encoding.UTF8.GetString(json));
        var back = MetricTableJson.Read(json);
        Assert.Equal(table.Metric, back.Metric);
        Assert.Equal(table.Columns, back.Columns);
        Assert.Equal(table.Rows, back.Rows);
    }
}
