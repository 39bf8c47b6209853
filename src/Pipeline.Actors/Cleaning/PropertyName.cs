using System.Text.Json;

namespace Pipeline.Actors.Cleaning;

/// <summary>The name of the property a reader stands on, as UTF-8 bytes without escapes.</summary>
internal static class PropertyName
{
    /// <summary>
    /// The name's bytes: the raw span when unescaped (nearly always); an escaped name is unescaped
    /// into a new array, which only the rare escaped name pays for.
    /// </summary>
    public static ReadOnlySpan<byte> Read(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        var unescaped = new byte[reader.ValueSpan.Length];
        return unescaped.AsSpan(0, reader.CopyString(unescaped));
    }
}
