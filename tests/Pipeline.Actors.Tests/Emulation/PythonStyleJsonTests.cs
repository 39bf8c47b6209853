using System.Text.Json;
using Pipeline.Actors.Emulation;
using Xunit;

namespace Pipeline.Actors.Tests.Emulation;

public class PythonStyleJsonTests
{
    [Theory]
    [InlineData("pin.jsonl")]
    [InlineData("pin_partial.jsonl")]
    [InlineData("geo.jsonl")]
    [InlineData("user.jsonl")]
    public void Rewriting_a_real_row_gives_back_its_exact_text(string file)
    {
        Assert.All(File.ReadLines(SharedData.File(file)), line => Assert.Equal(line, Rewrite(line)));
    }

    [Theory]
    [InlineData(-88.8298, "-88.8298")]
    [InlineData(12.0, "12.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(1.5e300, "1.5e+300")]
    public void Floats_are_written_as_python_repr_writes_them(double value, string expected)
    {
        Assert.Equal(expected, PythonStyleJson.FloatRepr(value));
    }

    [Fact]
    public void Strings_escape_only_what_json_needs()
    {
        var json = new PythonStyleJson().Add("title", "say \"hi\"\\\n\u0001 ğ …\u00a0").ToString();

        Assert.Equal("{\"title\": \"say \\\"hi\\\"\\\\\\n\\u0001 ğ …\u00a0\"}", json);
    }

    private static string Rewrite(string line)
    {
        var json = new PythonStyleJson();
        foreach (var property in JsonDocument.Parse(line).RootElement.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.String)
            {
                json.Add(property.Name, value.GetString()!);
            }
            else if (value.GetRawText().Contains('.'))
            {
                json.Add(property.Name, value.GetDouble());
            }
            else
            {
                json.Add(property.Name, value.GetInt64());
            }
        }

        return json.ToString();
    }
}
