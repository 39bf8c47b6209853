using Pipeline.Actors.Categories;

namespace Pipeline.Actors.Serialization;

/// <summary>Layouts of the category entities' messages (<c>Categories/</c>).</summary>
internal static class CategoriesWire
{
    public static IEnumerable<WireType> Types =>
    [
        WireType.Of<MinuteCount>("minute-count", Write, ReadMinute),
        WireType.Of<CategoryChanged>("category-changed", Write, ReadChanged),
        WireType.Of<GetCategory>("get-category", (w, m) =>
        {
            w.Write(m.Category);
            w.WriteInstant(m.AsOf);
        }, r => new GetCategory(r.ReadString(), r.ReadInstant())),
        WireType.Of<CategoryView>("category", Write, ReadView),
        WireType.Of<CategoryNotFound>("category-not-found", (w, m) => w.Write(m.Category), r => new CategoryNotFound(r.ReadString())),
    ];

    public static void Write(BinaryWriter writer, CategoryChanged changed)
    {
        writer.Write(changed.Category);
        writer.WriteWhole(changed.Version);
        writer.WriteInstant(changed.Clock);
        writer.WriteList(changed.Minutes, Write);
    }

    public static CategoryChanged ReadChanged(BinaryReader reader) =>
        new(reader.ReadString(), reader.ReadWhole(), reader.ReadInstant(), reader.ReadList(ReadMinute));

    private static void Write(BinaryWriter writer, MinuteCount minute)
    {
        writer.WriteWhole(minute.Minute);
        writer.WriteWhole(minute.Posts);
    }

    private static MinuteCount ReadMinute(BinaryReader reader) => new(reader.ReadWhole(), reader.ReadWhole());

    private static void Write(BinaryWriter writer, CategoryView view)
    {
        writer.Write(view.Category);
        writer.WriteWhole(view.Posts);
        writer.WriteDictionary(view.ByCountry, (w, country) => w.Write(country), (w, posts) => w.WriteWhole(posts));
        writer.WriteDictionary(view.ByPostYear, (w, year) => w.WriteWhole(year), (w, posts) => w.WriteWhole(posts));
        writer.WriteDictionary(view.ByAgeGroup, (w, group) => w.Write(group), (w, posts) => w.WriteWhole(posts));
        writer.WriteWhole(view.PostsLast1h);
        writer.WriteWhole(view.PostsLast24h);
        writer.WriteWhole(view.PostsLast7d);
    }

    private static CategoryView ReadView(BinaryReader reader) => new(
        reader.ReadString(),
        reader.ReadWhole(),
        reader.ReadDictionary(r => r.ReadString(), r => r.ReadWhole()),
        reader.ReadDictionary(r => r.ReadWholeInt(), r => r.ReadWhole()),
        reader.ReadDictionary(r => r.ReadString(), r => r.ReadWhole()),
        reader.ReadWhole(),
        reader.ReadWhole(),
        reader.ReadWhole());
}
