using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pipeline.Actors.Records;

/// <summary>How every JSON line the engine writes is formatted: compact, non-ASCII text left readable.</summary>
public static class JsonLineOptions
{
    /// <summary>
    /// Text values go through <see cref="JsonText"/>; relaxed escaping covers anything else the
    /// writer escapes itself. The lines are data files, never embedded in HTML, which is the case
    /// the default escaping guards against.
    /// </summary>
    public static JsonWriterOptions Writer { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };
}
