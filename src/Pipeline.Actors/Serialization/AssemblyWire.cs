using Pipeline.Actors.Assembly;

namespace Pipeline.Actors.Serialization;

/// <summary>Layouts of the assembler's messages (<c>Assembly/</c>) and of the posts and changes it emits.</summary>
internal static class AssemblyWire
{
    public static IEnumerable<WireType> Types =>
    [
        WireType.Of<AssembleRecords>("assemble", (w, m) => w.WriteList(m.Records, RecordsWire.Write), r => new AssembleRecords(r.ReadList(RecordsWire.ReadCleaned))),
        WireType.Empty("flush-pending", FlushPendingPosts.Instance),
        WireType.Of<PostsAssembled>("assembled", Write, ReadAssembled),
        WireType.Empty("get-assembler-status", GetAssemblerStatus.Instance),
        WireType.Of<AssemblerStatus>("assembler-status", Write, ReadStatus),
        WireType.Of<ApplyPostChanges>("apply-changes", Write, ReadApply),
        WireType.Of<PostChange>("post-change", Write, ReadChange),
        WireType.Of<AssembledPost>("post", Write, ReadPost),
        WireType.Of<PinFacts>("pin-facts", Write, ReadPin),
        WireType.Of<GeoFacts>("geo-facts", Write, ReadGeo),
        WireType.Of<UserFacts>("user-facts", Write, ReadUser),
    ];

    private static void Write(BinaryWriter writer, PostsAssembled assembled)
    {
        writer.WriteWhole(assembled.Bucket);
        writer.WriteWhole(assembled.Changes);
        writer.WriteWhole(assembled.Pending);
    }

    private static PostsAssembled ReadAssembled(BinaryReader reader) =>
        new(reader.ReadWholeInt(), reader.ReadWholeInt(), reader.ReadWholeInt());

    private static void Write(BinaryWriter writer, ApplyPostChanges apply)
    {
        writer.WriteWhole(apply.Bucket);
        writer.WriteList(apply.Changes, Write);
        writer.WriteOptional(apply.Follows);
    }

    private static ApplyPostChanges ReadApply(BinaryReader reader) =>
        new(reader.ReadWholeInt(), reader.ReadList(ReadChange), reader.ReadOptionalWhole());

    private static void Write(BinaryWriter writer, AssemblerStatus status)
    {
        writer.WriteWhole(status.Bucket);
        writer.WriteWhole(status.Sequence);
        writer.WriteWhole(status.Pending);
        writer.WriteWhole(status.Remembered);
        writer.WriteInstant(status.Clock);
    }

    private static AssemblerStatus ReadStatus(BinaryReader reader) =>
        new(reader.ReadWholeInt(), reader.ReadWhole(), reader.ReadWholeInt(), reader.ReadWholeInt(), reader.ReadInstant());

    private static void Write(BinaryWriter writer, PostChange change)
    {
        writer.WriteWhole(change.Bucket);
        writer.WriteWhole(change.Sequence);
        writer.WriteOptional(change.Previous, Write);
        Write(writer, change.Current);
    }

    private static PostChange ReadChange(BinaryReader reader) =>
        new(reader.ReadWholeInt(), reader.ReadWhole(), reader.ReadOptional(ReadPost), ReadPost(reader));

    private static void Write(BinaryWriter writer, AssembledPost post)
    {
        writer.WriteWhole(post.Ind);
        writer.WriteInstant(post.ArrivalTime);
        writer.WriteOptional(post.Pin, Write);
        writer.WriteOptional(post.Geo, Write);
        writer.WriteOptional(post.User, Write);
    }

    private static AssembledPost ReadPost(BinaryReader reader) =>
        new(reader.ReadWhole(), reader.ReadInstant(), reader.ReadOptional(ReadPin), reader.ReadOptional(ReadGeo), reader.ReadOptional(ReadUser));

    private static void Write(BinaryWriter writer, PinFacts pin)
    {
        writer.WriteOptional(pin.PosterName);
        writer.WriteOptional(pin.FollowerCount);
        writer.WriteOptional(pin.Category);
    }

    private static PinFacts ReadPin(BinaryReader reader) =>
        new(reader.ReadOptionalString(), reader.ReadOptionalWhole(), reader.ReadOptionalString());

    private static void Write(BinaryWriter writer, GeoFacts geo)
    {
        writer.WriteOptional(geo.Country);
        writer.WriteOptional(geo.Timestamp);
    }

    private static GeoFacts ReadGeo(BinaryReader reader) => new(reader.ReadOptionalString(), reader.ReadOptionalInstant());

    private static void Write(BinaryWriter writer, UserFacts user)
    {
        writer.WriteOptional(user.UserName);
        writer.WriteOptional(user.Age);
        writer.WriteOptional(user.DateJoined);
    }

    private static UserFacts ReadUser(BinaryReader reader) =>
        new(reader.ReadOptionalString(), reader.ReadOptionalWholeInt(), reader.ReadOptionalInstant());
}
