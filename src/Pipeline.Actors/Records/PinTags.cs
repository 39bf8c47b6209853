using System.Collections;

namespace Pipeline.Actors.Records;

/// <summary>
/// A pin's tags as cleaning finds them: the tag_list text once, and where each tag lies in it. A pin
/// carries about ten short tags, and a string for each cost cleaning more than the rest of the pin's
/// text together; writers take each tag as a span or memory instead (<see cref="TagAt"/>). Reading
/// a tag as a string (the list view) makes that string on each read.
/// </summary>
public sealed class PinTags : IReadOnlyList<string>
{
    private readonly string text;

    /// <summary>Start and length of each tag in <see cref="text"/>, in pairs.</summary>
    private readonly int[] ranges;

    /// <param name="text">The text the tags lie in.</param>
    /// <param name="ranges">Start and length of each tag, in pairs, at least one tag.</param>
    /// <param name="count">How many pairs of <paramref name="ranges"/> are tags.</param>
    internal PinTags(string text, int[] ranges, int count)
    {
        this.text = text;
        this.ranges = ranges;
        Count = count;
    }

    public int Count { get; }

    public string this[int index] => Memory(index).ToString();

    /// <summary>A tag of any tag list, without making a string when it is a <see cref="PinTags"/>.</summary>
    public static ReadOnlyMemory<char> TagAt(IReadOnlyList<string> tags, int index)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return tags is PinTags pinTags ? pinTags.Memory(index) : tags[index].AsMemory();
    }

    /// <summary>The tag at <paramref name="index"/>, as part of the text.</summary>
    public ReadOnlyMemory<char> Memory(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return text.AsMemory(ranges[2 * index], ranges[(2 * index) + 1]);
    }

    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
