using Pipeline.Actors.Lake;
using Pipeline.Actors.Tests.Lake;

namespace Pipeline.Actors.Tests.History;

/// <summary>
/// Ten posts (plus stale earlier records of two of them) written to a folder lake through the lake's
/// own window writer; the expected metrics in <see cref="LakeMetricsTests"/> are computed by hand
/// from this table:
/// <code>
/// ind category poster followers country post-year age user    joined
///  1  travel   Ann    100       Chile   2019      20  Ann A   2015-05-01
///  2  art      Bob    300       Chile   2019      22  Bob B   2016-01-01   (earlier record: zzz, Zed, 999999)
///  3  art      Cid    50        Chile   2020      30  Cid C   2016-06-01
///  4  travel   Dee    300       Chile   2020      40  Dee D   2017-01-01
///  5  beauty   Eve    -         Peru    2021      55  Eve E   2017-03-01   (earlier geo record: Atlantis)
///  6  beauty   Fay    200       Peru    2017      17  Fay F   2015-02-01
///  7  art      Ann    150       Peru    2023      20  Ann A   2015-05-01
///  8  travel   Gus    250       -       2019      50  Gus G   2021-01-01   (earlier geo record: Zanzibar)
///  9  -        Hal    400       Peru    2019      36  Hal H   2018-01-01
/// 10  art      Ivy    10        Peru    2022      45  Ivy I   2016-09-09
/// </code>
/// </summary>
internal static class SmallLake
{
    private static readonly (long Ind, string? Category, string Poster, long? Followers, string? Country, int Year, int Age, string User, string Joined)[] Posts =
    [
        (1, "travel", "Ann", 100, "Chile", 2019, 20, "Ann A", "2015-05-01"),
        (2, "art", "Bob", 300, "Chile", 2019, 22, "Bob B", "2016-01-01"),
        (3, "art", "Cid", 50, "Chile", 2020, 30, "Cid C", "2016-06-01"),
        (4, "travel", "Dee", 300, "Chile", 2020, 40, "Dee D", "2017-01-01"),
        (5, "beauty", "Eve", null, "Peru", 2021, 55, "Eve E", "2017-03-01"),
        (6, "beauty", "Fay", 200, "Peru", 2017, 17, "Fay F", "2015-02-01"),
        (7, "art", "Ann", 150, "Peru", 2023, 20, "Ann A", "2015-05-01"),
        (8, "travel", "Gus", 250, null, 2019, 50, "Gus G", "2021-01-01"),
        (9, null, "Hal", 400, "Peru", 2019, 36, "Hal H", "2018-01-01"),
        (10, "art", "Ivy", 10, "Peru", 2022, 45, "Ivy I", "2016-09-09"),
    ];

    public static async Task WriteAsync(ILakeStore store)
    {
        var writer = new LakeWindowWriter(store);
        var pins = new List<LakeEntry> { LakeSamples.Pin(LakeSamples.Kafka("p.pin", 0, 0), 2, "Zed", 999999, "zzz") };
        var geos = new List<LakeEntry> { LakeSamples.Geo(LakeSamples.Kafka("p.geo", 0, 0), 5, "Atlantis", new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero)) };
        await writer.WriteAsync(new LakeWindow([LakeSamples.Geo(LakeSamples.Kafka("p.geo", 1, 0), 8, "Zanzibar", new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero))]));
        var users = new List<LakeEntry>();
        foreach (var post in Posts)
        {
            pins.Add(LakeSamples.Pin(LakeSamples.Kafka("p.pin", 0, post.Ind), post.Ind, post.Poster, post.Followers, post.Category));
            geos.Add(LakeSamples.Geo(LakeSamples.Kafka("p.geo", 0, post.Ind), post.Ind, post.Country, new DateTimeOffset(post.Year, 6, (int)post.Ind, 12, 0, 0, TimeSpan.Zero)));
            users.Add(LakeSamples.User(LakeSamples.Kafka("p.user", 1, post.Ind), post.Ind, post.User, post.Age,
                DateTimeOffset.Parse(post.Joined + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        }

        // Two windows per table, so the metrics read several part files.
        foreach (var entries in new[] { pins, geos, users })
        {
            await writer.WriteAsync(new LakeWindow(entries[..5]));
            await writer.WriteAsync(new LakeWindow(entries[5..]));
        }
    }
}
