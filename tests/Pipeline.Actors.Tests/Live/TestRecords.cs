using Pipeline.Actors.Records;

namespace Pipeline.Actors.Tests.Live;

/// <summary>Builds clean records and positions for live-state tests (the cleaner is not involved).</summary>
internal static class TestRecords
{
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static CleanPin Pin(long ind, string? poster, long? followers, string? category) =>
        new(ind, $"uid-{ind}", "title", "description", followers, poster, ["tag"], "image", "https://example.invalid/i.png", $"/data/{category}", category, true);

    public static CleanGeo Geo(long ind, string? country, DateTimeOffset? timestamp) =>
        new(ind, country, new Coordinates(1, 2), timestamp);

    public static CleanUser User(long ind, string? name, int? age, DateTimeOffset? joined) => new(ind, name, age, joined);

    public static SourcePosition At(long offset, TimeSpan arrivalAfterStart, string partition = "0", string source = "test") =>
        new(source, partition, offset.ToString(System.Globalization.CultureInfo.InvariantCulture), Start + arrivalAfterStart);

    public static CleanedRecord Cleaned(ICleanRecord record, SourcePosition position) => new(record, [], position);

    public static DateTimeOffset Year(int year, int month = 6) => new(year, month, 1, 12, 0, 0, TimeSpan.Zero);
}
