using Parquet;
using Parquet.Schema;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Lake;

/// <summary>
/// The clean tables as Parquet. Columns, in order (all nullable except <c>ind</c> and the position
/// columns):
/// <list type="bullet">
/// <item>pin: ind BIGINT, unique_id, title, description VARCHAR, follower_count BIGINT, poster_name
/// VARCHAR, tag_list LIST&lt;VARCHAR&gt;, is_image_or_video, image_src, save_location, category VARCHAR,
/// downloaded BOOLEAN</item>
/// <item>geo: ind BIGINT, country VARCHAR, coordinates LIST&lt;DOUBLE&gt; ([latitude, longitude]),
/// timestamp TIMESTAMP (UTC, microseconds)</item>
/// <item>user: ind BIGINT, user_name VARCHAR, age INTEGER, date_joined TIMESTAMP (UTC, microseconds)</item>
/// </list>
/// and then in every table: source, source_partition, source_offset VARCHAR, arrival_time TIMESTAMP.
/// </summary>
public static class ParquetTables
{
    private static readonly DataField<long> Ind = new("ind", nullable: false);
    private static readonly DataField<string> Source = new("source", nullable: false);
    private static readonly DataField<string> SourcePartition = new("source_partition", nullable: false);
    private static readonly DataField<string> SourceOffset = new("source_offset", nullable: false);
    private static readonly DateTimeDataField ArrivalTime = Timestamp("arrival_time", nullable: false);

    private static readonly DataField<string> UniqueId = new("unique_id", nullable: true);
    private static readonly DataField<string> Title = new("title", nullable: true);
    private static readonly DataField<string> Description = new("description", nullable: true);
    private static readonly DataField<long?> FollowerCount = new("follower_count", nullable: true);
    private static readonly DataField<string> PosterName = new("poster_name", nullable: true);
    private static readonly ListField TagList = new("tag_list", new DataField<string>("element", nullable: false));
    private static readonly DataField<string> IsImageOrVideo = new("is_image_or_video", nullable: true);
    private static readonly DataField<string> ImageSrc = new("image_src", nullable: true);
    private static readonly DataField<string> SaveLocation = new("save_location", nullable: true);
    private static readonly DataField<string> Category = new("category", nullable: true);
    private static readonly DataField<bool?> Downloaded = new("downloaded", nullable: true);

    private static readonly DataField<string> Country = new("country", nullable: true);
    private static readonly ListField CoordinatesList = new("coordinates", new DataField<double>("element", nullable: false));
    private static readonly DateTimeDataField GeoTimestamp = Timestamp("timestamp", nullable: true);

    private static readonly DataField<string> UserName = new("user_name", nullable: true);
    private static readonly DataField<int?> Age = new("age", nullable: true);
    private static readonly DateTimeDataField DateJoined = Timestamp("date_joined", nullable: true);

    private static readonly Field[] PositionFields = [Source, SourcePartition, SourceOffset, ArrivalTime];

    public static readonly ParquetSchema PinSchema = new(
        [Ind, UniqueId, Title, Description, FollowerCount, PosterName, TagList, IsImageOrVideo, ImageSrc, SaveLocation, Category, Downloaded, .. PositionFields]);

    public static readonly ParquetSchema GeoSchema = new([Ind, Country, CoordinatesList, GeoTimestamp, .. PositionFields]);

    public static readonly ParquetSchema UserSchema = new([Ind, UserName, Age, DateJoined, .. PositionFields]);

    /// <summary>Writes the rows (all of <paramref name="table"/>) as one Parquet file with one row group.</summary>
    public static async Task<byte[]> WriteAsync(Table table, IReadOnlyList<CleanTableRow> rows, CancellationToken cancellationToken = default)
    {
        using var output = new MemoryStream();
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        await using (var writer = await ParquetWriter.CreateAsync(SchemaOf(table), output, options, cancellationToken: cancellationToken))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<long>(Ind, rows.Select(r => r.Record.Ind).ToArray(), null, null, cancellationToken);
            switch (table)
            {
                case Table.Pin:
                    await WritePinAsync(group, rows.Select(r => (CleanPin)r.Record).ToArray(), cancellationToken);
                    break;
                case Table.Geo:
                    await WriteGeoAsync(group, rows.Select(r => (CleanGeo)r.Record).ToArray(), cancellationToken);
                    break;
                case Table.User:
                    await WriteUserAsync(group, rows.Select(r => (CleanUser)r.Record).ToArray(), cancellationToken);
                    break;
            }

            await group.WriteAsync(Source, rows.Select(r => r.Position.Source).ToArray());
            await group.WriteAsync(SourcePartition, rows.Select(r => r.Position.Partition).ToArray());
            await group.WriteAsync(SourceOffset, rows.Select(r => r.Position.Offset).ToArray());
            await group.WriteAsync<DateTime>(ArrivalTime, rows.Select(r => r.Position.ArrivalTime.UtcDateTime).ToArray(), null, null, cancellationToken);
            group.CompleteValidate();
        }

        return output.ToArray();
    }

    public static ParquetSchema SchemaOf(Table table) => table switch
    {
        Table.Pin => PinSchema,
        Table.Geo => GeoSchema,
        Table.User => UserSchema,
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
    };

    private static async Task WritePinAsync(ParquetRowGroupWriter group, CleanPin[] pins, CancellationToken cancellationToken)
    {
        await group.WriteAsync(UniqueId, pins.Select(p => p.UniqueId).ToArray());
        await group.WriteAsync(Title, pins.Select(p => p.Title).ToArray());
        await group.WriteAsync(Description, pins.Select(p => p.Description).ToArray());
        await group.WriteAsync<long>(FollowerCount, pins.Select(p => p.FollowerCount).ToArray(), null, null, cancellationToken);
        await group.WriteAsync(PosterName, pins.Select(p => p.PosterName).ToArray());
        await WriteListAsync(group, (DataField)TagList.Item, pins.Select(p => p.TagList is { } tags ? Enumerable.Range(0, tags.Count).Select(i => PinTags.TagAt(tags, i)).ToArray() : null).ToArray(), cancellationToken);
        await group.WriteAsync(IsImageOrVideo, pins.Select(p => p.IsImageOrVideo).ToArray());
        await group.WriteAsync(ImageSrc, pins.Select(p => p.ImageSrc).ToArray());
        await group.WriteAsync(SaveLocation, pins.Select(p => p.SaveLocation).ToArray());
        await group.WriteAsync(Category, pins.Select(p => p.Category).ToArray());
        await group.WriteAsync<bool>(Downloaded, pins.Select(p => p.Downloaded).ToArray(), null, null, cancellationToken);
    }

    private static async Task WriteGeoAsync(ParquetRowGroupWriter group, CleanGeo[] geos, CancellationToken cancellationToken)
    {
        await group.WriteAsync(Country, geos.Select(g => g.Country).ToArray());
        var coordinates = geos
            .Select(g => g.Coordinates is { } c ? (IReadOnlyList<double>)[c.Latitude, c.Longitude] : null)
            .ToArray();
        await WriteListAsync(group, (DataField)CoordinatesList.Item, coordinates, cancellationToken);
        await group.WriteAsync<DateTime>(GeoTimestamp, geos.Select(g => g.Timestamp?.UtcDateTime).ToArray(), null, null, cancellationToken);
    }

    private static async Task WriteUserAsync(ParquetRowGroupWriter group, CleanUser[] users, CancellationToken cancellationToken)
    {
        await group.WriteAsync(UserName, users.Select(u => u.UserName).ToArray());
        await group.WriteAsync<int>(Age, users.Select(u => u.Age).ToArray(), null, null, cancellationToken);
        await group.WriteAsync<DateTime>(DateJoined, users.Select(u => u.DateJoined?.UtcDateTime).ToArray(), null, null, cancellationToken);
    }

    /// <summary>
    /// A nullable list of non-null elements, in Dremel levels: a null list is definition level 0, an
    /// empty one 1, an element 2; the first element of a row has repetition level 0, the rest 1.
    /// </summary>
    private static async Task WriteListAsync<T>(ParquetRowGroupWriter group, DataField element, IReadOnlyList<T>?[] lists, CancellationToken cancellationToken)
        where T : struct
    {
        var values = new List<T>();
        var definitions = new List<int>();
        var repetitions = new List<int>();
        foreach (var list in lists)
        {
            if (list is null || list.Count == 0)
            {
                definitions.Add(list is null ? 0 : 1);
                repetitions.Add(0);
                continue;
            }

            for (var i = 0; i < list.Count; i++)
            {
                values.Add(list[i]);
                definitions.Add(2);
                repetitions.Add(i == 0 ? 0 : 1);
            }
        }

        await group.WriteAllPartsAsync<T>(element, values.ToArray(), definitions.ToArray(), repetitions.ToArray(), cancellationToken);
    }

    private static DateTimeDataField Timestamp(string name, bool nullable) =>
        new(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: nullable);
}
