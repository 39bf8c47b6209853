using System.Text;
using Pipeline.Actors.Lake;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Tests.Lake;

/// <summary>Hand-built lake entries: raw bytes written out by hand and the clean record that
/// cleaning would make of them.</summary>
internal static class LakeSamples
{
    public static readonly DateTimeOffset Arrival = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static SourcePosition Kafka(string topic, int partition, long offset, DateTimeOffset? arrival = null) =>
        new($"kafka:cluster-1/{topic}", partition.ToString(), offset.ToString(), arrival ?? Arrival.AddSeconds(offset));

    public static LakeEntry Pin(SourcePosition position, long ind, string poster = "Poster", long? followers = 1000, string? category = "travel") =>
        Entry(Table.Pin, position, $"{{\"index\":{ind},\"poster_name\":\"{poster}\",\"follower_count\":\"{followers}\",\"category\":\"{category}\"}}",
            new CleanPin(ind, $"u-{ind}", "A title", null, followers, poster, ["a", "b c"], "image", null, $"/data/{category}", category, true));

    public static LakeEntry Geo(SourcePosition position, long ind, string? country, DateTimeOffset? timestamp) =>
        Entry(Table.Geo, position, $"{{\"ind\":{ind},\"country\":\"{country}\",\"timestamp\":\"{timestamp:yyyy-MM-dd HH:mm:ss}\"}}",
            new CleanGeo(ind, country, new Coordinates(-5.5, 120.25), timestamp));

    public static LakeEntry User(SourcePosition position, long ind, string? name, int? age, DateTimeOffset? joined) =>
        Entry(Table.User, position, $"{{\"ind\":{ind},\"first_name\":\"{name}\",\"age\":{age}}}",
            new CleanUser(ind, name, age, joined));

    public static LakeEntry Malformed(SourcePosition position, Table table, string text) =>
        new(new RawRecord(table, Encoding.UTF8.GetBytes(text), position),
            new QuarantinedRecord(table, QuarantineReason.MalformedJson, "unexpected end", text, position));

    private static LakeEntry Entry(Table table, SourcePosition position, string raw, ICleanRecord clean) =>
        new(new RawRecord(table, Encoding.UTF8.GetBytes(raw), position), new CleanedRecord(clean, [], position));
}
