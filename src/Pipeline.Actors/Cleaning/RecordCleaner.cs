using System.Buffers;
using System.Text;
using System.Text.Json;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Cleaning;

/// <summary>
/// Applies the cleaning rules to one raw record in a single pass over its JSON. Total: every input,
/// however broken, yields a <see cref="CleanedRecord"/> or a <see cref="QuarantinedRecord"/>.
/// </summary>
public static class RecordCleaner
{
    /// <summary>Records above this size are quarantined unread as <c>too_large</c>.</summary>
    public const int MaxRecordBytes = 1024 * 1024;

    /// <summary>How much of a too-large record the quarantine entry keeps.</summary>
    public const int TooLargeKeptBytes = 4096;

    /// <summary>
    /// The size of each thread's own decoding buffer. All text of a record decodes into one buffer at
    /// least as long as the record's bytes, since UTF-16 never needs more units than UTF-8 has bytes;
    /// each value where its token starts (<see cref="JsonValue.TryText"/>). Records up to this size
    /// (all real ones by far) use the thread's buffer; a larger one rents a buffer for itself.
    /// </summary>
    private const int ThreadScratchChars = 16 * 1024;

    /// <summary>This thread's decoding buffer: cleaning a record never cleans another one meanwhile.</summary>
    [ThreadStatic]
    private static char[]? threadScratch;

    public static Cleaned Clean(RawRecord raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var bytes = raw.Value.Span;
        if (bytes.Length > MaxRecordBytes)
        {
            return new QuarantinedRecord(raw.Table, QuarantineReason.TooLarge,
                $"the record is {bytes.Length} bytes; the limit is {MaxRecordBytes}", Prefix(bytes, TooLargeKeptBytes), raw.Position);
        }

        try
        {
            return raw.Table switch
            {
                Table.Pin => Clean<PinFields>(raw),
                Table.Geo => Clean<GeoFields>(raw),
                Table.User => Clean<UserFields>(raw),
                _ => throw new ArgumentOutOfRangeException(nameof(raw), raw.Table, "unknown table"),
            };
        }
        catch (JsonException e)
        {
            return Quarantine(raw, QuarantineReason.MalformedJson, e.Message);
        }
        catch (InvalidOperationException e) when (e.TargetSite?.DeclaringType?.Assembly == typeof(Utf8JsonReader).Assembly)
        {
            // Utf8JsonReader reports invalid UTF-8, and escapes that spell invalid UTF-16 (a lone
            // surrogate), only when a string is decoded; our own invalid operations stay bugs.
            return Quarantine(raw, QuarantineReason.MalformedJson, e.Message);
        }
    }

    private static Cleaned Clean<TFields>(RawRecord raw) where TFields : struct, IRecordFields
    {
        var reader = new Utf8JsonReader(raw.Value.Span);
        if (!reader.Read())
        {
            return Quarantine(raw, QuarantineReason.MalformedJson, "the record is empty");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var kind = reader.TokenType;
            reader.Skip();
            EnsureEnd(ref reader);
            return Quarantine(raw, QuarantineReason.NotAnObject, $"the record is a JSON {JsonValue.Describe(kind)}, not an object");
        }

        var fields = default(TFields);
        var rented = raw.Value.Length > ThreadScratchChars;
        var scratch = rented ? ArrayPool<char>.Shared.Rent(raw.Value.Length) : threadScratch ??= new char[ThreadScratchChars];
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = PropertyName.Read(ref reader);
                reader.Read();
                fields.Read(name, ref reader, scratch);
            }

            EnsureEnd(ref reader);

            var index = fields.Index;
            if (index.Problem is { } problem)
            {
                return Quarantine(raw, QuarantineReason.InvalidIndex, problem);
            }

            if (index.IsMissing)
            {
                return Quarantine(raw, QuarantineReason.MissingIndex, "the record has no index or ind field");
            }

            var issues = default(FieldIssueList);
            var record = fields.Build(index.Value, scratch, ref issues);
            return new CleanedRecord(record, issues.ToList(), raw.Position);
        }
        finally
        {
            if (rented)
            {
                ArrayPool<char>.Shared.Return(scratch);
            }
        }
    }

    /// <summary>Reading past the one value must find nothing but white space; anything else throws.</summary>
    private static void EnsureEnd(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new JsonException($"unexpected {reader.TokenType} after the record");
        }
    }

    private static QuarantinedRecord Quarantine(RawRecord raw, QuarantineReason reason, string detail) =>
        new(raw.Table, reason, detail, Encoding.UTF8.GetString(raw.Value.Span), raw.Position);

    /// <summary>The first <paramref name="maxBytes"/> bytes, cut before a UTF-8 sequence that would be split.</summary>
    private static string Prefix(ReadOnlySpan<byte> bytes, int maxBytes)
    {
        var length = Math.Min(bytes.Length, maxBytes);
        while (length > 0 && length < bytes.Length && (bytes[length] & 0xC0) == 0x80)
        {
            length--;
        }

        return Encoding.UTF8.GetString(bytes[..length]);
    }
}
