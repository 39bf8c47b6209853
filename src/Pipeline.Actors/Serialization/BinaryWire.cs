using System.Buffers;
using System.Text;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Serialization;

/// <summary>
/// The primitives every layout is written with. Whole numbers and counts are 7-bit encoded (small
/// values take one byte); strings are length-prefixed UTF-8; an optional value is a presence byte
/// followed by the value; an instant is its UTC ticks and its offset in minutes, so it reads back
/// exactly as written.
/// </summary>
internal static class BinaryWire
{
    public static void WriteWhole(this BinaryWriter writer, long value) => writer.Write7BitEncodedInt64(value);

    public static long ReadWhole(this BinaryReader reader) => reader.Read7BitEncodedInt64();

    public static void WriteWhole(this BinaryWriter writer, int value) => writer.Write7BitEncodedInt(value);

    public static int ReadWholeInt(this BinaryReader reader) => reader.Read7BitEncodedInt();

    public static void WriteInstant(this BinaryWriter writer, DateTimeOffset value)
    {
        writer.Write(value.UtcTicks);
        writer.Write((short)value.Offset.TotalMinutes);
    }

    public static DateTimeOffset ReadInstant(this BinaryReader reader)
    {
        var utcTicks = reader.ReadInt64();
        var offset = TimeSpan.FromMinutes(reader.ReadInt16());
        return new DateTimeOffset(utcTicks, TimeSpan.Zero).ToOffset(offset);
    }

    public static void WriteDuration(this BinaryWriter writer, TimeSpan value) => writer.Write7BitEncodedInt64(value.Ticks);

    public static TimeSpan ReadDuration(this BinaryReader reader) => TimeSpan.FromTicks(reader.Read7BitEncodedInt64());

    public static void WriteOptional<T>(this BinaryWriter writer, T? value, Action<BinaryWriter, T> write)
        where T : class
    {
        writer.Write(value is not null);
        if (value is not null)
            write(writer, value);
    }

    public static T? ReadOptional<T>(this BinaryReader reader, Func<BinaryReader, T> read)
        where T : class =>
        reader.ReadBoolean() ? read(reader) : null;

    public static void WriteOptionalValue<T>(this BinaryWriter writer, T? value, Action<BinaryWriter, T> write)
        where T : struct
    {
        writer.Write(value.HasValue);
        if (value.HasValue)
            write(writer, value.Value);
    }

    public static T? ReadOptionalValue<T>(this BinaryReader reader, Func<BinaryReader, T> read)
        where T : struct =>
        reader.ReadBoolean() ? read(reader) : null;

    public static void WriteOptional(this BinaryWriter writer, string? value) => writer.WriteOptional(value, (w, s) => w.Write(s));

    public static string? ReadOptionalString(this BinaryReader reader) => reader.ReadOptional(r => r.ReadString());

    public static void WriteOptional(this BinaryWriter writer, long? value) => writer.WriteOptionalValue(value, (w, v) => w.WriteWhole(v));

    public static long? ReadOptionalWhole(this BinaryReader reader) => reader.ReadOptionalValue(r => r.ReadWhole());

    public static void WriteOptional(this BinaryWriter writer, int? value) => writer.WriteOptionalValue(value, (w, v) => w.WriteWhole(v));

    public static int? ReadOptionalWholeInt(this BinaryReader reader) => reader.ReadOptionalValue(r => r.ReadWholeInt());

    public static void WriteOptional(this BinaryWriter writer, DateTimeOffset? value) => writer.WriteOptionalValue(value, (w, v) => w.WriteInstant(v));

    public static DateTimeOffset? ReadOptionalInstant(this BinaryReader reader) => reader.ReadOptionalValue(r => r.ReadInstant());

    public static void WriteList<T>(this BinaryWriter writer, IReadOnlyList<T> items, Action<BinaryWriter, T> write)
    {
        writer.Write7BitEncodedInt(items.Count);
        foreach (var item in items)
            write(writer, item);
    }

    public static List<T> ReadList<T>(this BinaryReader reader, Func<BinaryReader, T> read)
    {
        var count = reader.Read7BitEncodedInt();
        var items = new List<T>(count);
        for (var i = 0; i < count; i++)
            items.Add(read(reader));
        return items;
    }

    public static void WriteStrings(this BinaryWriter writer, IReadOnlyList<string> items) => writer.WriteList(items, (w, s) => w.Write(s));

    public static List<string> ReadStrings(this BinaryReader reader) => reader.ReadList(r => r.ReadString());

    /// <summary>A pin's tags in the layout <see cref="WriteStrings"/> gives any list of strings, without a string per tag.</summary>
    public static void WriteTags(this BinaryWriter writer, IReadOnlyList<string> tags)
    {
        writer.Write7BitEncodedInt(tags.Count);
        for (var i = 0; i < tags.Count; i++)
        {
            writer.WriteText(PinTags.TagAt(tags, i).Span);
        }
    }

    /// <summary>Text as <see cref="BinaryWriter.Write(string)"/> writes a string: its UTF-8 length, then its UTF-8.</summary>
    private static void WriteText(this BinaryWriter writer, ReadOnlySpan<char> text)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, bytes);
            writer.Write7BitEncodedInt(length);
            writer.Write(bytes, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Entries in the dictionary's own enumeration order.</summary>
    public static void WriteDictionary<TKey, TValue>(this BinaryWriter writer, IReadOnlyDictionary<TKey, TValue> entries, Action<BinaryWriter, TKey> writeKey, Action<BinaryWriter, TValue> writeValue)
    {
        writer.Write7BitEncodedInt(entries.Count);
        foreach (var (key, value) in entries)
        {
            writeKey(writer, key);
            writeValue(writer, value);
        }
    }

    public static Dictionary<TKey, TValue> ReadDictionary<TKey, TValue>(this BinaryReader reader, Func<BinaryReader, TKey> readKey, Func<BinaryReader, TValue> readValue)
        where TKey : notnull
    {
        var count = reader.Read7BitEncodedInt();
        var entries = new Dictionary<TKey, TValue>(count);
        for (var i = 0; i < count; i++)
            entries.Add(readKey(reader), readValue(reader));
        return entries;
    }
}
