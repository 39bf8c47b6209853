using Pipeline.Actors.Records;
using static Pipeline.Actors.Tests.Live.TestRecords;

namespace Pipeline.Actors.Tests.Live;

/// <summary>
/// A deterministic stream of clean records with what live state must cope with: parts of a post
/// scattered up to a few hundred records apart (so posts time out and are revised later), missing
/// parts, nulls in every field the metrics read, ages under 18, exact duplicates, changed
/// re-sends (last write wins) and quarantined elements. One partition; record i arrives at second i.
/// </summary>
internal static class SyntheticPosts
{
    private static readonly string[] Categories = ["art", "beauty", "diy", "education", "finance", "food", "travel", "vehicles"];
    private static readonly string[] Countries = ["Albania", "Chad", "Fiji", "Mali", "Peru", "Togo", "Yemen"];

    public static List<ICleanRecord> Records(int posts, int seed)
    {
        var random = new Random(seed);
        var posters = Enumerable.Range(0, posts / 4 + 1).Select(i => $"poster-{i:D4}").ToArray();
        var scheduled = new List<(double At, ICleanRecord Record)>();
        string? Maybe(string value, double nullRate = 0.05) => random.NextDouble() < nullRate ? null : value;

        for (long ind = 0; ind < posts; ind++)
        {
            var poster = posters[(int)Math.Min(posters.Length - 1, Math.Floor(posters.Length * Math.Pow(random.NextDouble(), 2)))];
            long? followers = random.NextDouble() < 0.08 ? null : new long[] { 0, 10, 250, 1_000, 5_000, 12_000, 80_000, 1_500_000 }[random.Next(8)] + random.Next(3);
            var joined = new DateTimeOffset(2014 + random.Next(8), 1 + random.Next(12), 1 + random.Next(28), 0, 0, 0, TimeSpan.Zero);
            var posted = new DateTimeOffset(2017 + random.Next(7), 1 + random.Next(12), 1 + random.Next(28), 12, 0, 0, TimeSpan.Zero);
            ICleanRecord[] parts =
            [
                Pin(ind, Maybe(poster), followers, Maybe(Categories[random.Next(Categories.Length)])),
                Geo(ind, Maybe(Countries[random.Next(Countries.Length)]), random.NextDouble() < 0.05 ? null : posted),
                User(ind, Maybe($"user {poster}"), random.NextDouble() < 0.05 ? null : 12 + random.Next(55), random.NextDouble() < 0.05 ? null : joined),
            ];
            foreach (var part in parts)
            {
                if (random.NextDouble() < 0.04)
                    continue;
                var at = ind * 3 + random.NextDouble() * (random.NextDouble() < 0.1 ? 400 : 30);
                scheduled.Add((at, part));
                if (random.NextDouble() < 0.04)
                    scheduled.Add((at + random.NextDouble() * 300, part));
                if (part is CleanPin pin && random.NextDouble() < 0.03)
                    scheduled.Add((at + random.NextDouble() * 300, pin with { FollowerCount = (pin.FollowerCount ?? 0) + 7, Category = Categories[random.Next(Categories.Length)] }));
            }
        }
        return scheduled.OrderBy(entry => entry.At).Select(entry => entry.Record).ToList();
    }

    /// <summary>The records as stream elements at offsets 0, 1, 2, ..., with a quarantined element
    /// now and then (it occupies an offset too).</summary>
    public static List<Cleaned> Stream(IReadOnlyList<ICleanRecord> records, int seed)
    {
        var random = new Random(seed);
        var stream = new List<Cleaned>();
        foreach (var record in records)
        {
            if (random.NextDouble() < 0.02)
                stream.Add(new QuarantinedRecord(Table.Pin, QuarantineReason.MalformedJson, "test", "{", At(stream.Count, TimeSpan.FromSeconds(stream.Count))));
            stream.Add(TestRecords.Cleaned(record, At(stream.Count, TimeSpan.FromSeconds(stream.Count))));
        }
        return stream;
    }
}
