using System.Globalization;
using System.Text;

namespace Pipeline.Actors.Emulation;

/// <summary>The ways the emulator breaks a record, one for each whole-record quarantine reason.</summary>
public enum MalformedKind
{
    /// <summary>Cut off mid-record, after its index.</summary>
    Truncated,

    /// <summary>Valid JSON but not an object: the record double-encoded as a string, or wrapped in an array.</summary>
    NotAnObject,

    /// <summary>The index key is gone.</summary>
    MissingIndex,

    /// <summary>The index is negative.</summary>
    NegativeIndex,
}

/// <summary>Turns a well-formed record (as <see cref="PythonStyleJson"/> writes it, index first) into a malformed one.</summary>
internal static class MalformedRecord
{
    public static string Break(string record, long index, MalformedKind kind, PythonRandom random)
    {
        // The index is the first member, so the text up to the first separator is `{"ind": N`.
        var afterIndex = record.IndexOf(", ", StringComparison.Ordinal);
        switch (kind)
        {
            case MalformedKind.Truncated:
                return record[..(int)(afterIndex + random.Below(record.Length - 1 - afterIndex))];
            case MalformedKind.NotAnObject when random.Chance(0.5):
                var text = new StringBuilder();
                PythonStyleJson.AppendString(text, record);
                return text.ToString();
            case MalformedKind.NotAnObject:
                return "[" + record + "]";
            case MalformedKind.MissingIndex:
                return "{" + record[(afterIndex + 2)..];
            case MalformedKind.NegativeIndex:
                var key = record[..(record.IndexOf(':', StringComparison.Ordinal) + 2)];
                var negative = index == 0 ? -1 : -index;
                return key + negative.ToString(CultureInfo.InvariantCulture) + record[afterIndex..];
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}
