using System.Text;

namespace Pipeline.Actors.Cleaning;

/// <summary>
/// One string per distinct short value of a field whose values repeat (category, country): the
/// cleaned text is looked up by its characters, so cleaning makes a string only when it meets a value
/// it does not hold yet. Each value has one slot, picked by its hash; a value that lands on a taken
/// slot replaces the one there. Shared by every thread: a slot holds an immutable string and is
/// replaced whole, so two threads racing on a slot cost at most one more string.
/// </summary>
internal sealed class RepeatedText
{
    /// <summary>Longer texts are rarely repeated values; they are not kept.</summary>
    public const int MaxLength = 64;

    private readonly string?[] slots;

    /// <param name="slots">How many values are kept, a power of two.</param>
    public RepeatedText(int slots)
    {
        if (slots <= 0 || (slots & (slots - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(slots), slots, "the slot count must be a power of two");
        }

        this.slots = new string?[slots];
    }

    /// <summary>A string equal to <paramref name="text"/>.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > MaxLength)
        {
            return text.ToString();
        }

        ref var slot = ref slots[Slot(text.Length, text[0], text[text.Length / 2], text[^1])];
        if (slot is { } known && text.SequenceEqual(known))
        {
            return known;
        }

        var made = text.ToString();
        slot = made;
        return made;
    }

    /// <summary>A string equal to the ASCII text (<see cref="AsciiText"/>); its slot is the decoded text's.</summary>
    public string Get(ReadOnlySpan<byte> ascii)
    {
        if (ascii.IsEmpty || ascii.Length > MaxLength)
        {
            return AsciiText.ToString(ascii);
        }

        ref var slot = ref slots[Slot(ascii.Length, ascii[0], ascii[ascii.Length / 2], ascii[^1])];
        if (slot is { } known && Ascii.Equals(ascii, known))
        {
            return known;
        }

        var made = AsciiText.ToString(ascii);
        slot = made;
        return made;
    }

    /// <summary>
    /// The slot of a text, from its length and its first, middle and last units: a handful of
    /// operations that tell a field's few values apart. Values that agree on all four share a slot.
    /// </summary>
    private int Slot(int length, uint first, uint middle, uint last)
    {
        var hash = ((uint)length * 0x9E3779B1u) ^ (first * 0x85EBCA77u) ^ (middle * 0xC2B2AE3Du) ^ (last * 0x27D4EB2Fu);
        return (int)((hash ^ (hash >> 15)) & (uint)(slots.Length - 1));
    }
}
