using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Cleaning;

/// <summary>The pin's tags, sent as one comma-separated string.</summary>
public static class TagList
{
    /// <summary>
    /// The tags, each trimmed, empty ones dropped; null with <paramref name="issue"/> when the field
    /// is missing, the "no tags" placeholder, or holds no tag at all.
    /// </summary>
    public static IReadOnlyList<string>? Parse(string? text, out string? issue)
    {
        if (text is null)
        {
            issue = FieldIssueReasons.Missing;
            return null;
        }

        var trimmed = TextField.Trim(text, out _);
        issue = Unusable(trimmed.Length, Placeholders.OfTagList.Matches(trimmed));
        return issue is null ? Split(trimmed.Length == text.Length ? text : trimmed.ToString(), out issue) : null;
    }

    /// <inheritdoc cref="Parse(string?, out string?)"/>
    public static IReadOnlyList<string>? Parse(ReadOnlySpan<char> text, out string? issue)
    {
        var trimmed = TextField.Trim(text, out _);
        issue = Unusable(trimmed.Length, Placeholders.OfTagList.Matches(trimmed));
        return issue is null ? Split(trimmed.ToString(), out issue) : null;
    }

    /// <inheritdoc cref="Parse(string?, out string?)"/>
    internal static IReadOnlyList<string>? Parse(ReadOnlySpan<byte> ascii, out string? issue)
    {
        var trimmed = AsciiText.Trim(ascii, out _);
        issue = Unusable(trimmed.Length, Placeholders.OfTagList.Matches(trimmed));
        if (issue is not null)
        {
            return null;
        }

        var ranges = new int[2 * (trimmed.Count((byte)',') + 1)];
        var count = Split(trimmed, ranges);
        issue = count == 0 ? FieldIssueReasons.Empty : null;
        return count == 0 ? null : new PinTags(AsciiText.ToString(trimmed), ranges, count);
    }

    /// <summary>Why the trimmed text holds no tags before it is split: nothing left, or the placeholder.</summary>
    private static string? Unusable(int trimmedLength, bool isPlaceholder) =>
        trimmedLength == 0 ? FieldIssueReasons.Empty : isPlaceholder ? FieldIssueReasons.Placeholder : null;

    /// <summary>The tags of trimmed text that is not the placeholder, as ranges of that text.</summary>
    private static PinTags? Split(string text, out string? issue)
    {
        var ranges = new int[2 * (text.AsSpan().Count(',') + 1)];
        var count = Split(MemoryMarshal.Cast<char, ushort>(text.AsSpan()), ranges);
        issue = count == 0 ? FieldIssueReasons.Empty : null;
        return count == 0 ? null : new PinTags(text, ranges, count);
    }

    /// <summary>
    /// Writes the start and length of each tag, trimmed, empty ones left out, and returns how many
    /// there are. A tag list is a long run of short tags, so commas are found a vector at a time;
    /// the units are UTF-16 code units or ASCII bytes, compared by value.
    /// </summary>
    private static int Split<TUnit>(ReadOnlySpan<TUnit> text, int[] ranges)
        where TUnit : unmanaged, IBinaryInteger<TUnit>
    {
        var comma = TUnit.CreateTruncating(',');
        var count = 0;
        var tagStart = 0;
        var at = 0;
        if (Vector256.IsHardwareAccelerated && Vector256<TUnit>.IsSupported)
        {
            ref var units = ref MemoryMarshal.GetReference(text);
            var commas = Vector256.Create(comma);
            for (; at + Vector256<TUnit>.Count <= text.Length; at += Vector256<TUnit>.Count)
            {
                var found = Vector256.ExtractMostSignificantBits(Vector256.Equals(Vector256.LoadUnsafe(ref units, (nuint)at), commas));
                while (found != 0)
                {
                    var end = at + BitOperations.TrailingZeroCount(found);
                    found &= found - 1;
                    count = AddTag(text, tagStart, end, ranges, count);
                    tagStart = end + 1;
                }
            }
        }

        for (; at < text.Length; at++)
        {
            if (text[at] == comma)
            {
                count = AddTag(text, tagStart, at, ranges, count);
                tagStart = at + 1;
            }
        }

        return AddTag(text, tagStart, text.Length, ranges, count);
    }

    /// <summary>Adds the text between two commas, trimmed, unless nothing is left.</summary>
    private static int AddTag<TUnit>(ReadOnlySpan<TUnit> text, int start, int end, int[] ranges, int count)
        where TUnit : unmanaged, IBinaryInteger<TUnit>
    {
        while (start < end && IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end == start)
        {
            return count;
        }

        ranges[2 * count] = start;
        ranges[(2 * count) + 1] = end - start;
        return count + 1;
    }

    private static bool IsWhiteSpace<TUnit>(TUnit unit)
        where TUnit : unmanaged, IBinaryInteger<TUnit> => char.IsWhiteSpace((char)ushort.CreateTruncating(unit));
}
