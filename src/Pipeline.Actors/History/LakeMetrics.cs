using DuckDB.NET.Data;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.History;

/// <summary>
/// The 8 historical metrics (9 tables: <c>top_country</c> apart) over the clean Parquet tables of a
/// lake in a local folder, computed by DuckDB with the definitions of the live-state issue:
/// <list type="bullet">
/// <item>each post index counts once per table: its latest record (latest arrival time, then the
/// largest source, partition and offset);</item>
/// <item>a post counts in a metric only when every field the metric reads is present;</item>
/// <item>ties go to the smaller name (category, poster_name, country) in ordinal (code point) order;</item>
/// <item>a median is the ceil(n/2)-th smallest follower_count over the posts that have one;</item>
/// <item>age groups 18-24, 25-35, 36-50, 50+ (over 50); ages under 18 count in no group;</item>
/// <item>years are UTC calendar years, limited to the given ranges.</item>
/// </list>
/// Rows come sorted by their columns in order (numbers numerically, strings ordinally).
/// </summary>
public static class LakeMetrics
{
    private const string AgeGroup = """
        CASE WHEN age BETWEEN 18 AND 24 THEN '18-24' WHEN age BETWEEN 25 AND 35 THEN '25-35'
             WHEN age BETWEEN 36 AND 50 THEN '36-50' WHEN age > 50 THEN '50+' END
        """;

    /// <summary>DuckDB's discrete quantile takes the floor((n - 1) / 2)-th value from 0, which is the
    /// ceil(n/2)-th smallest: the lower middle.</summary>
    private const string Median = "quantile_disc(p.follower_count, 0.5)";

    public static IReadOnlyList<string> Names { get; } =
    [
        MetricNames.CategoryByCountry, MetricNames.CategoryByYear, MetricNames.TopUserByCountry, MetricNames.TopCountry,
        MetricNames.CategoryByAgeGroup, MetricNames.MedianFollowersByAgeGroup, MetricNames.UsersJoinedByYear,
        MetricNames.MedianFollowersByJoinYear, MetricNames.MedianFollowersByAgeGroupAndJoinYear,
    ];

    /// <summary>Computes <paramref name="metric"/> (or all 9 tables when null) over the lake in
    /// <paramref name="lakeFolder"/>.</summary>
    public static IReadOnlyList<MetricTable> Compute(string lakeFolder, MetricRanges ranges, string? metric = null)
    {
        if (metric is not null && !Names.Contains(metric))
            throw new ArgumentException($"Unknown metric '{metric}'; known: {string.Join(", ", Names)}", nameof(metric));
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "SET TimeZone = 'UTC'");
        LoadLatest(connection, lakeFolder, "pin", "ind BIGINT, follower_count BIGINT, poster_name VARCHAR, category VARCHAR",
            "follower_count := follower_count, poster_name := poster_name, category := category");
        LoadLatest(connection, lakeFolder, "geo", "ind BIGINT, country VARCHAR, post_year BIGINT",
            "country := country, post_year := year(timestamp)");
        LoadLatest(connection, lakeFolder, "user", "ind BIGINT, user_name VARCHAR, age INTEGER, date_joined TIMESTAMPTZ, join_year BIGINT, age_group VARCHAR",
            $"user_name := user_name, age := age, date_joined := date_joined, join_year := year(date_joined), age_group := {AgeGroup}");

        var queries = Queries(ranges);
        return (metric is null ? Names : [metric])
            .Select(name => Query(connection, name, queries[name]))
            .ToList();
    }

    private static Dictionary<string, string> Queries(MetricRanges r)
    {
        var topUsers = """
            SELECT country, poster_name, follower_count FROM (
                SELECT g.country, p.poster_name, max(p.follower_count) AS follower_count
                FROM pin p JOIN geo g USING (ind)
                WHERE g.country IS NOT NULL AND p.poster_name IS NOT NULL AND p.follower_count IS NOT NULL
                GROUP BY g.country, p.poster_name)
            QUALIFY row_number() OVER (PARTITION BY country ORDER BY follower_count DESC, poster_name) = 1
            """;
        return new Dictionary<string, string>
        {
            [MetricNames.CategoryByCountry] = TopCategory("g.country", "pin p JOIN geo g USING (ind)", "g.country IS NOT NULL"),
            [MetricNames.CategoryByYear] = TopCategory("g.post_year", "pin p JOIN geo g USING (ind)", $"g.post_year BETWEEN {r.PostYearFrom} AND {r.PostYearTo}"),
            [MetricNames.TopUserByCountry] = topUsers,
            [MetricNames.TopCountry] = $"SELECT * FROM ({topUsers}) ORDER BY follower_count DESC, country LIMIT 1",
            [MetricNames.CategoryByAgeGroup] = TopCategory("u.age_group", "pin p JOIN \"user\" u USING (ind)", "u.age_group IS NOT NULL"),
            [MetricNames.MedianFollowersByAgeGroup] = $"""
                SELECT u.age_group, {Median} FROM pin p JOIN "user" u USING (ind)
                WHERE u.age_group IS NOT NULL AND p.follower_count IS NOT NULL GROUP BY u.age_group
                """,
            [MetricNames.UsersJoinedByYear] = $"""
                SELECT join_year, count(*) FROM (SELECT DISTINCT user_name, age, date_joined, join_year FROM "user" WHERE date_joined IS NOT NULL)
                WHERE join_year BETWEEN {r.JoinYearFrom} AND {r.JoinYearTo} GROUP BY join_year
                """,
            [MetricNames.MedianFollowersByJoinYear] = $"""
                SELECT u.join_year, {Median} FROM pin p JOIN "user" u USING (ind)
                WHERE u.join_year BETWEEN {r.JoinYearFrom} AND {r.JoinYearTo} AND p.follower_count IS NOT NULL GROUP BY u.join_year
                """,
            [MetricNames.MedianFollowersByAgeGroupAndJoinYear] = $"""
                SELECT u.age_group, u.join_year, {Median} FROM pin p JOIN "user" u USING (ind)
                WHERE u.age_group IS NOT NULL AND u.join_year BETWEEN {r.JoinYearFrom} AND {r.JoinYearTo} AND p.follower_count IS NOT NULL
                GROUP BY u.age_group, u.join_year
                """,
        };
    }

    /// <summary>Per key, the category with most posts (ties to the smaller category).</summary>
    private static string TopCategory(string key, string from, string where) => $"""
        SELECT k, category, n FROM (
            SELECT {key} AS k, p.category, count(*) AS n FROM {from}
            WHERE {where} AND p.category IS NOT NULL GROUP BY {key}, p.category)
        QUALIFY row_number() OVER (PARTITION BY k ORDER BY n DESC, category) = 1
        """;

    /// <summary>
    /// Loads one clean table keeping the latest record of each post index: a hash aggregate that
    /// takes, per index, the <paramref name="fields"/> (a <c>struct_pack</c> list, never null as a
    /// whole) of the record with the largest (arrival time, source, partition, offset) key; offsets
    /// compare by length, then digits.
    /// </summary>
    private static void LoadLatest(DuckDBConnection connection, string lakeFolder, string table, string columns, string fields)
    {
        Execute(connection, $"CREATE TABLE \"{table}\" ({columns})");
        var folder = Path.Combine(lakeFolder, "tables", table);
        if (!Directory.Exists(folder) || !Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories).Any())
            return;
        var files = Path.Combine(folder, "*", "*.parquet").Replace("'", "''");
        Execute(connection, $"""
            INSERT INTO "{table}"
            SELECT ind, unnest(latest) FROM (
                SELECT ind, arg_max(struct_pack({fields}),
                    struct_pack(t := arrival_time, s := source, p := source_partition, l := length(source_offset), o := source_offset)) AS latest
                FROM read_parquet('{files}', hive_partitioning = false)
                GROUP BY ind)
            """);
    }

    private static MetricTable Query(DuckDBConnection connection, string metric, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<IReadOnlyList<object?>>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : Cell(reader.GetValue(i));
            rows.Add(row);
        }

        rows.Sort(MetricRowOrder.Instance);
        return new MetricTable(metric, MetricNames.Columns[metric], rows);
    }

    private static object Cell(object value) => value switch
    {
        string text => text,
        long number => number,
        int number => (long)number,
        _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
