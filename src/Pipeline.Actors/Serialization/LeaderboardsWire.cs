using Pipeline.Actors.Leaderboards;
using Pipeline.Actors.Live;

namespace Pipeline.Actors.Serialization;

/// <summary>Layouts of the leaderboards' messages (<c>Leaderboards/</c>) and of the arrival window a
/// categories query names.</summary>
internal static class LeaderboardsWire
{
    public static IEnumerable<WireType> Types =>
    [
        WireType.Of<UpdateProfileBoard>("update-profile-board", (w, m) => w.WriteList(m.Standings, ProfilesWire.Write), r => new UpdateProfileBoard(r.ReadList(ProfilesWire.ReadStanding))),
        WireType.Of<UpdateCategoryBoard>("update-category-board", (w, m) => w.WriteList(m.Changes, CategoriesWire.Write), r => new UpdateCategoryBoard(r.ReadList(CategoriesWire.ReadChanged))),
        WireType.Of<BoardUpdated>("board-updated", (w, m) => w.Write(m.BoardId), r => new BoardUpdated(r.ReadString())),
        WireType.Of<GetTopProfiles>("get-top-profiles", (w, m) =>
        {
            w.WriteWhole(m.Top);
            w.WriteInstant(m.AsOf);
        }, r => new GetTopProfiles(r.ReadWholeInt(), r.ReadInstant())),
        WireType.Of<RankedProfile>("ranked-profile", Write, ReadRankedProfile),
        WireType.Of<TopProfiles>("top-profiles", (w, m) =>
        {
            w.Write(m.BoardId);
            w.WriteList(m.Profiles, Write);
        }, r => new TopProfiles(r.ReadString(), r.ReadList(ReadRankedProfile))),
        WireType.Of<GetTopCategories>("get-top-categories", (w, m) =>
        {
            Write(w, m.Window);
            w.WriteWhole(m.Top);
            w.WriteInstant(m.AsOf);
        }, r => new GetTopCategories(ReadWindow(r), r.ReadWholeInt(), r.ReadInstant())),
        WireType.Of<RankedCategory>("ranked-category", Write, ReadRankedCategory),
        WireType.Of<TopCategories>("top-categories", (w, m) =>
        {
            w.Write(m.Window);
            w.WriteList(m.Categories, Write);
        }, r => new TopCategories(r.ReadString(), r.ReadList(ReadRankedCategory))),
        WireType.Empty("get-board-clock", GetBoardClock.Instance),
        WireType.Of<BoardClock>("board-clock", (w, m) => w.WriteInstant(m.Clock), r => new BoardClock(r.ReadInstant())),
        WireType.Of<ArrivalWindow>("window", Write, ReadWindow),
    ];

    private static void Write(BinaryWriter writer, RankedProfile profile)
    {
        writer.Write(profile.PosterName);
        writer.Write(profile.Popularity);
        writer.WriteOptional(profile.FollowerCount);
        writer.WriteWhole(profile.Posts);
    }

    private static RankedProfile ReadRankedProfile(BinaryReader reader) =>
        new(reader.ReadString(), reader.ReadDouble(), reader.ReadOptionalWhole(), reader.ReadWholeInt());

    private static void Write(BinaryWriter writer, RankedCategory category)
    {
        writer.Write(category.Category);
        writer.WriteWhole(category.Posts);
    }

    private static RankedCategory ReadRankedCategory(BinaryReader reader) => new(reader.ReadString(), reader.ReadWhole());

    private static void Write(BinaryWriter writer, ArrivalWindow window)
    {
        writer.Write(window.Name);
        writer.WriteDuration(window.Length);
    }

    private static ArrivalWindow ReadWindow(BinaryReader reader) => new(reader.ReadString(), reader.ReadDuration());
}
