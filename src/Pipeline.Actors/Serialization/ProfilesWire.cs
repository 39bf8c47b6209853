using Pipeline.Actors.Profiles;

namespace Pipeline.Actors.Serialization;

/// <summary>Layouts of the profile entities' messages (<c>Profiles/</c>).</summary>
internal static class ProfilesWire
{
    public static IEnumerable<WireType> Types =>
    [
        WireType.Of<ProfileStanding>("standing", Write, ReadStanding),
        WireType.Of<BoardMembership>("membership", Write, ReadMembership),
        WireType.Of<GetProfile>("get-profile", (w, m) =>
        {
            w.Write(m.PosterName);
            w.WriteInstant(m.AsOf);
        }, r => new GetProfile(r.ReadString(), r.ReadInstant())),
        WireType.Of<ProfileView>("profile", Write, ReadView),
        WireType.Of<ProfileNotFound>("profile-not-found", (w, m) => w.Write(m.PosterName), r => new ProfileNotFound(r.ReadString())),
    ];

    public static void Write(BinaryWriter writer, ProfileStanding standing)
    {
        writer.Write(standing.PosterName);
        writer.WriteWhole(standing.Version);
        writer.WriteOptional(standing.FollowerCount);
        writer.Write(standing.RankKey);
        writer.WriteWhole(standing.Posts);
        writer.WriteList(standing.Boards, Write);
    }

    public static ProfileStanding ReadStanding(BinaryReader reader) =>
        new(reader.ReadString(), reader.ReadWhole(), reader.ReadOptionalWhole(), reader.ReadDouble(), reader.ReadWholeInt(), reader.ReadList(ReadMembership));

    private static void Write(BinaryWriter writer, BoardMembership membership)
    {
        writer.Write(membership.BoardId);
        writer.Write(membership.Member);
    }

    private static BoardMembership ReadMembership(BinaryReader reader) => new(reader.ReadString(), reader.ReadBoolean());

    private static void Write(BinaryWriter writer, ProfileView view)
    {
        writer.Write(view.PosterName);
        writer.WriteOptional(view.FollowerCount);
        writer.WriteWhole(view.Posts);
        writer.WriteWhole(view.PostsLast1h);
        writer.WriteWhole(view.PostsLast24h);
        writer.WriteWhole(view.PostsLast7d);
        writer.Write(view.Popularity);
        writer.WriteDictionary(view.Categories, (w, category) => w.Write(category), (w, posts) => w.WriteWhole(posts));
    }

    private static ProfileView ReadView(BinaryReader reader) => new(
        reader.ReadString(),
        reader.ReadOptionalWhole(),
        reader.ReadWholeInt(),
        reader.ReadWholeInt(),
        reader.ReadWholeInt(),
        reader.ReadWholeInt(),
        reader.ReadDouble(),
        reader.ReadDictionary(r => r.ReadString(), r => r.ReadWholeInt()));
}
