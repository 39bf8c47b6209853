using System.Numerics;
using System.Runtime.CompilerServices;
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

        var trimmed = TextField.Trim(text, out issue);
        return issue is null && !IsPlaceholder(Placeholders.OfTagList.Matches(trimmed), ref issue)
            ? Split(trimmed.Length == text.Length ? text : trimmed.ToString(), out issue)
            : null;
    }

    /// <inheritdoc cref="Parse(string?, out string?)"/>
    public static IReadOnlyList<string>? Parse(ReadOnlySpan<char> text, out string? issue)
    {
        var trimmed = TextField.Trim(text, out issue);
        return issue is null && !IsPlaceholder(Placeholders.OfTagList.Matches(trimmed), ref issue)
            ? Split(trimmed.ToString(), out issue)
            : null;
    }

    /// <inheritdoc cref="Parse(string?, out string?)"/>
    internal static IReadOnlyList<string>? Parse(ReadOnlySpan<byte> ascii, out string? issue)
    {
        var trimmed = AsciiText.Trim(ascii, out issue);
        return issue is null && !IsPlaceholder(Placeholders.OfTagList.Matches(trimmed), ref issue)
            ? Split(AsciiText.ToString(trimmed), out issue)
            : null;
    }

    private static bool IsPlaceholder(bool matches, ref string? issue)
    {
        issue = matches ? FieldIssueReasons.Placeholder : issue;
        return matches;
    }

    /// <summary>
    /// The tags of trimmed text that is not the placeholder, as ranges of that text. A tag list is
    /// a long run of short tags, so the commas are found 16 characters at a time.
    /// </summary>
    private static PinTags? Split(string text, out string? issue)
    {
        var ranges = new int[2 * (text.AsSpan().Count(',') + 1)];
        var count = 0;
        var tagStart = 0;
        var at = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var units = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
            var commas = Vector256.Create((ushort)',');
            for (; at + Vector256<ushort>.Count <= text.Length; at += Vector256<ushort>.Count)
            {
                var found = Vector256.ExtractMostSignificantBits(Vector256.Equals(Vector256.LoadUnsafe(ref units, (nuint)at), commas));
                while (found != 0)
                {
                    var comma = at + BitOperations.TrailingZeroCount(found);
                    found &= found - 1;
                    count = AddTag(text, tagStart, comma, ranges, count);
                    tagStart = comma + 1;
                }
            }
        }

        for (; at < text.Length; at++)
        {
            if (text[at] == ',')
            {
                count = AddTag(text, tagStart, at, ranges, count);
                tagStart = at + 1;
            }
        }

        count = AddTag(text, tagStart, text.Length, ranges, count);
        issue = count == 0 ? FieldIssueReasons.Empty : null;
        return count == 0 ? null : new PinTags(text, ranges, count);
    }

    /// <summary>Adds the text between two commas, trimmed, unless nothing is left.</summary>
    private static int AddTag(string text, int start, int end, int[] ranges, int count)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
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
}
