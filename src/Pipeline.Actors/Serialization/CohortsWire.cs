using Pipeline.Actors.Cohorts;

namespace Pipeline.Actors.Serialization;

/// <summary>Layouts of the cohort entities' messages (<c>Cohorts/</c>).</summary>
internal static class CohortsWire
{
    public static IEnumerable<WireType> Types =>
    [
        WireType.Of<CohortChangesApplied>("cohort-applied", (w, m) => w.Write(m.Key), r => new CohortChangesApplied(r.ReadString())),
        WireType.Of<GetCohortSummary>("get-cohort", (w, m) => w.Write(m.Key), r => new GetCohortSummary(r.ReadString())),
        WireType.Of<CohortSummary>("cohort", Write, ReadSummary),
    ];

    private static void Write(BinaryWriter writer, CohortSummary summary)
    {
        writer.Write(summary.Key);
        writer.WriteOptional(summary.TopCategory);
        writer.WriteWhole(summary.TopCategoryCount);
        writer.WriteOptional(summary.TopPoster);
        writer.WriteOptional(summary.TopPosterFollowers);
        writer.WriteWhole(summary.FollowerPosts);
        writer.WriteOptional(summary.MedianFollowers);
        writer.WriteWhole(summary.DistinctUsers);
        writer.WriteStrings(summary.Countries);
    }

    private static CohortSummary ReadSummary(BinaryReader reader) => new(
        reader.ReadString(),
        reader.ReadOptionalString(),
        reader.ReadWhole(),
        reader.ReadOptionalString(),
        reader.ReadOptionalWhole(),
        reader.ReadWhole(),
        reader.ReadOptionalWhole(),
        reader.ReadWhole(),
        reader.ReadStrings());
}
