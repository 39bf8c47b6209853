namespace Pipeline.Actors.Serialization;

/// <summary>
/// One type on the wire: the manifest that names its layout, and how that layout is written and
/// read. A manifest names exactly one layout for good: to change a type's fields, give the new
/// layout a new manifest and keep reading the old one while any node or journal may still hold it.
/// </summary>
internal sealed class WireType
{
    private readonly Action<BinaryWriter, object> _write;
    private readonly Func<BinaryReader, object> _read;

    private WireType(Type type, string manifest, Action<BinaryWriter, object> write, Func<BinaryReader, object> read)
    {
        Type = type;
        Manifest = manifest;
        _write = write;
        _read = read;
    }

    public Type Type { get; }

    public string Manifest { get; }

    public static WireType Of<T>(string manifest, Action<BinaryWriter, T> write, Func<BinaryReader, T> read)
        where T : notnull =>
        new(typeof(T), manifest, (writer, value) => write(writer, (T)value), reader => read(reader));

    /// <summary>A type without fields (a singleton request): nothing is written, the instance is read.</summary>
    public static WireType Empty<T>(string manifest, T instance)
        where T : notnull =>
        new(typeof(T), manifest, (_, _) => { }, _ => instance);

    public void Write(BinaryWriter writer, object value) => _write(writer, value);

    public object Read(BinaryReader reader) => _read(reader);
}
