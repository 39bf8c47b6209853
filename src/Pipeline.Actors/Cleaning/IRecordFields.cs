using System.Text.Json;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Cleaning;

/// <summary>The fields of one table's record, gathered while walking the JSON object once.</summary>
internal interface IRecordFields
{
    PostIndex Index { get; }

    /// <summary>
    /// Reads the value of the property <paramref name="name"/>; the reader stands on the value and
    /// is left on its last token. Unknown names are skipped.
    /// </summary>
    void Read(scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader, char[] scratch);

    /// <summary>
    /// The clean record, adding every field that ended up null to <paramref name="issues"/> in field
    /// order. <paramref name="scratch"/> still holds the text <see cref="Read"/> decoded into it.
    /// </summary>
    ICleanRecord Build(long ind, char[] scratch, ref FieldIssueList issues);
}
