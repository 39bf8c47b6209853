using DuckDB.NET.Data;
using Pipeline.Actors.Lake;
using Pipeline.Actors.Records;
using Xunit;

namespace Pipeline.Actors.Tests.Lake;

public sealed class ParquetTablesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parquet-tables-").FullName;

    [Fact]
    public async Task Tables_read_back_by_DuckDB_with_the_declared_column_types_and_values()
    {
        var pins = new[]
        {
            Row(LakeSamples.Pin(LakeSamples.Kafka("p.pin", 0, 7), 7)),
            Row(new CleanedRecord(new CleanPin(8, null, null, null, null, null, null, null, null, null, null, null), [], LakeSamples.Kafka("p.pin", 0, 8))),
            Row(new CleanedRecord(new CleanPin(9, null, null, null, 5, null, [], null, null, null, null, false), [], LakeSamples.Kafka("p.pin", 0, 9))),
        };
        var geos = new[]
        {
            Row(LakeSamples.Geo(LakeSamples.Kafka("p.geo", 0, 1), 7, "Chile", new DateTimeOffset(2020, 3, 4, 5, 6, 7, TimeSpan.Zero))),
            Row(new CleanedRecord(new CleanGeo(8, null, null, null), [], LakeSamples.Kafka("p.geo", 0, 2))),
        };
        var users = new[] { Row(LakeSamples.User(LakeSamples.Kafka("p.user", 0, 1), 7, "Ann Lee", 33, new DateTimeOffset(2016, 1, 2, 3, 4, 5, TimeSpan.Zero))) };
        await File.WriteAllBytesAsync(Path.Combine(_folder, "pin.parquet"), await ParquetTables.WriteAsync(Table.Pin, pins));
        await File.WriteAllBytesAsync(Path.Combine(_folder, "geo.parquet"), await ParquetTables.WriteAsync(Table.Geo, geos));
        await File.WriteAllBytesAsync(Path.Combine(_folder, "user.parquet"), await ParquetTables.WriteAsync(Table.User, users));

        Assert.Equal(
            "ind:BIGINT unique_id:VARCHAR title:VARCHAR description:VARCHAR follower_count:BIGINT poster_name:VARCHAR tag_list:VARCHAR[] "
            + "is_image_or_video:VARCHAR image_src:VARCHAR save_location:VARCHAR category:VARCHAR downloaded:BOOLEAN "
            + "source:VARCHAR source_partition:VARCHAR source_offset:VARCHAR arrival_time:TIMESTAMP WITH TIME ZONE",
            Types("pin"));
        Assert.Equal("ind:BIGINT country:VARCHAR coordinates:DOUBLE[] timestamp:TIMESTAMP WITH TIME ZONE source:VARCHAR source_partition:VARCHAR source_offset:VARCHAR arrival_time:TIMESTAMP WITH TIME ZONE", Types("geo"));
        Assert.Equal("ind:BIGINT user_name:VARCHAR age:INTEGER date_joined:TIMESTAMP WITH TIME ZONE source:VARCHAR source_partition:VARCHAR source_offset:VARCHAR arrival_time:TIMESTAMP WITH TIME ZONE", Types("user"));

        Assert.Equal(
            [
                "7|u-7|1000|Poster|[a, 'b c']|true|p.pin|7|2026-11-25 10:00:07",
                "8|NULL|NULL|NULL|NULL|NULL|p.pin|8|2026-11-25 10:00:08",
                "9|NULL|5|NULL|[]|false|p.pin|9|2026-11-25 10:00:09",
            ],
            Query("SELECT ind, unique_id, follower_count, poster_name, tag_list, downloaded, source[strpos(source, '/') + 1:], source_offset, strftime(arrival_time, '%Y-%m-%d %H:%M:%S') FROM 'pin.parquet' ORDER BY ind"));
        Assert.Equal(
            ["7|Chile|[-5.5, 120.25]|2020-03-04 05:06:07", "8|NULL|NULL|NULL"],
            Query("SELECT ind, country, coordinates, strftime(timestamp, '%Y-%m-%d %H:%M:%S') FROM 'geo.parquet' ORDER BY ind"));
        Assert.Equal(["7|Ann Lee|33|2016-01-02 03:04:05"], Query("SELECT ind, user_name, age, strftime(date_joined, '%Y-%m-%d %H:%M:%S') FROM 'user.parquet'"));
    }

    private static CleanTableRow Row(LakeEntry entry) => Row((CleanedRecord)entry.Cleaned);

    private static CleanTableRow Row(CleanedRecord record) => new(record.Record, record.Position);

    private string Types(string table) =>
        string.Join(' ', Query($"SELECT column_name || ':' || column_type FROM (DESCRIBE SELECT * FROM '{table}.parquet')"));

    private List<string> Query(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SET TimeZone = 'UTC'; SET file_search_path = '{_folder}'; {sql}";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Cell(reader.GetValue(i)))));
        return rows;
    }

    private static string Cell(object value) => value switch
    {
        System.Collections.IList list => "[" + string.Join(", ", list.Cast<object>().Select(v => v is string s && s.Contains(' ') ? $"'{s}'" : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))) + "]",
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
