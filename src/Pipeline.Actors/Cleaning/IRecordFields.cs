using System.Text.Json;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Cleaning;

/// <summary>The fields of one table's record, gathered while walking the JSON object once.</summary>
internal interface IRecordFields
{
    PostIndex Index { get; }

    /// <summary>Reads one property; the reader stands on its name and is left on its value's last token.</summary>
    void ReadProperty(ref Utf8JsonReader reader);

    /// <summary>The clean record, adding every field that ended up null to <paramref name="issues"/> in field order.</summary>
    ICleanRecord Build(long ind, ref FieldIssueList issues);
}
