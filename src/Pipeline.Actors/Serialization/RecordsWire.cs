using Pipeline.Actors.Records;

namespace Pipeline.Actors.Serialization;

/// <summary>Layouts of the records (<c>Records/</c>) that messages carry: clean records with their
/// positions, and metric tables.</summary>
internal static class RecordsWire
{
    private const byte PinTag = 0;
    private const byte GeoTag = 1;
    private const byte UserTag = 2;

    private const byte NullCell = 0;
    private const byte TextCell = 1;
    private const byte WholeCell = 2;

    public static IEnumerable<WireType> Types =>
    [
        WireType.Of<SourcePosition>("position", Write, ReadPosition),
        WireType.Of<CleanedRecord>("cleaned", Write, ReadCleaned),
        WireType.Of<CleanPin>("pin", Write, ReadPin),
        WireType.Of<CleanGeo>("geo", Write, ReadGeo),
        WireType.Of<CleanUser>("user", Write, ReadUser),
        WireType.Of<MetricTable>("metric-table", Write, ReadMetricTable),
    ];

    public static void Write(BinaryWriter writer, SourcePosition position)
    {
        writer.Write(position.Source);
        writer.Write(position.Partition);
        writer.Write(position.Offset);
        writer.WriteInstant(position.ArrivalTime);
    }

    public static SourcePosition ReadPosition(BinaryReader reader) =>
        new(reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadInstant());

    public static void Write(BinaryWriter writer, CleanedRecord cleaned)
    {
        switch (cleaned.Record)
        {
            case CleanPin pin:
                writer.Write(PinTag);
                Write(writer, pin);
                break;
            case CleanGeo geo:
                writer.Write(GeoTag);
                Write(writer, geo);
                break;
            case CleanUser user:
                writer.Write(UserTag);
                Write(writer, user);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(cleaned), cleaned.Record.GetType().Name, "not a clean pin, geo or user");
        }

        writer.WriteList(cleaned.Issues, (w, issue) =>
        {
            w.Write(issue.Field);
            w.Write(issue.Reason);
        });
        Write(writer, cleaned.Position);
    }

    public static CleanedRecord ReadCleaned(BinaryReader reader)
    {
        var tag = reader.ReadByte();
        ICleanRecord record = tag switch
        {
            PinTag => ReadPin(reader),
            GeoTag => ReadGeo(reader),
            UserTag => ReadUser(reader),
            _ => throw new InvalidDataException($"unknown clean record tag {tag}"),
        };
        var issues = reader.ReadList(r => new FieldIssue(r.ReadString(), r.ReadString()));
        return new CleanedRecord(record, issues, ReadPosition(reader));
    }

    public static void Write(BinaryWriter writer, CleanPin pin)
    {
        writer.WriteWhole(pin.Ind);
        writer.WriteOptional(pin.UniqueId);
        writer.WriteOptional(pin.Title);
        writer.WriteOptional(pin.Description);
        writer.WriteOptional(pin.FollowerCount);
        writer.WriteOptional(pin.PosterName);
        writer.WriteOptional(pin.TagList, (w, tags) => w.WriteTags(tags));
        writer.WriteOptional(pin.IsImageOrVideo);
        writer.WriteOptional(pin.ImageSrc);
        writer.WriteOptional(pin.SaveLocation);
        writer.WriteOptional(pin.Category);
        writer.WriteOptionalValue(pin.Downloaded, (w, downloaded) => w.Write(downloaded));
    }

    public static CleanPin ReadPin(BinaryReader reader) => new(
        reader.ReadWhole(),
        reader.ReadOptionalString(),
        reader.ReadOptionalString(),
        reader.ReadOptionalString(),
        reader.ReadOptionalWhole(),
        reader.ReadOptionalString(),
        reader.ReadOptional(r => r.ReadStrings()),
        reader.ReadOptionalString(),
        reader.ReadOptionalString(),
        reader.ReadOptionalString(),
        reader.ReadOptionalString(),
        reader.ReadOptionalValue(r => r.ReadBoolean()));

    public static void Write(BinaryWriter writer, CleanGeo geo)
    {
        writer.WriteWhole(geo.Ind);
        writer.WriteOptional(geo.Country);
        writer.WriteOptionalValue(geo.Coordinates, (w, coordinates) =>
        {
            w.Write(coordinates.Latitude);
            w.Write(coordinates.Longitude);
        });
        writer.WriteOptional(geo.Timestamp);
    }

    public static CleanGeo ReadGeo(BinaryReader reader) => new(
        reader.ReadWhole(),
        reader.ReadOptionalString(),
        reader.ReadOptionalValue(r => new Coordinates(r.ReadDouble(), r.ReadDouble())),
        reader.ReadOptionalInstant());

    public static void Write(BinaryWriter writer, CleanUser user)
    {
        writer.WriteWhole(user.Ind);
        writer.WriteOptional(user.UserName);
        writer.WriteOptional(user.Age);
        writer.WriteOptional(user.DateJoined);
    }

    public static CleanUser ReadUser(BinaryReader reader) =>
        new(reader.ReadWhole(), reader.ReadOptionalString(), reader.ReadOptionalWholeInt(), reader.ReadOptionalInstant());

    /// <summary>Cells are null, strings or whole numbers (<see cref="MetricTable"/>); each is tagged.</summary>
    public static void Write(BinaryWriter writer, MetricTable table)
    {
        writer.Write(table.Metric);
        writer.WriteStrings(table.Columns);
        writer.WriteList(table.Rows, (w, row) => w.WriteList(row, WriteCell));
    }

    public static MetricTable ReadMetricTable(BinaryReader reader) =>
        new(reader.ReadString(), reader.ReadStrings(), reader.ReadList(r => (IReadOnlyList<object?>)r.ReadList(ReadCell)));

    private static void WriteCell(BinaryWriter writer, object? cell)
    {
        switch (cell)
        {
            case null:
                writer.Write(NullCell);
                break;
            case string text:
                writer.Write(TextCell);
                writer.Write(text);
                break;
            case long whole:
                writer.Write(WholeCell);
                writer.WriteWhole(whole);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(cell), cell.GetType().Name, "a metric cell is null, a string or a long");
        }
    }

    private static object? ReadCell(BinaryReader reader)
    {
        var tag = reader.ReadByte();
        return tag switch
        {
            NullCell => null,
            TextCell => reader.ReadString(),
            WholeCell => reader.ReadWhole(),
            _ => throw new InvalidDataException($"unknown metric cell tag {tag}"),
        };
    }
}
