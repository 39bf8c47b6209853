using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Pipeline.Actors.Emulation;

/// <summary>
/// The free text and links of a pin, composed from its category's words in the shapes the real pins
/// have: titles of a few words, descriptions cut by the scraper at 177 characters and ended with
/// "…" and a no-break space, nine comma-joined tags, pinimg.com image and video-thumbnail links.
/// </summary>
internal static class PinText
{
    private const int DescriptionCut = 177;

    /// <summary>Image file types in the real links: jpg 3,856, png 658, webp 25, gif 7.</summary>
    private static readonly (int Count, string Extension)[] ImageExtensions = [(3856, "jpg"), (658, "png"), (25, "webp"), (7, "gif")];

    private static readonly string[] Openers =
    [
        "Looking for {q} {s} ideas? ",
        "We rounded up our favourite {q} {s} for {a}. ",
        "{Q} {s} that are easier than they look. ",
        "Discover {n} {q} {s} ideas you will want to try this year. ",
        "This {q} {s} is perfect for {a}. ",
        "Everything you need to know about {s}, from the basics to the little details. ",
    ];

    private static readonly string[] Middles =
    [
        "Whether you are just starting out or looking for something new, these ideas will inspire you. ",
        "We share step by step tips, our favourite finds and the mistakes to avoid. ",
        "Simple, affordable and made to last, this is the kind of idea you come back to again and again. ",
        "From {q} classics to fresh new twists, there is something here for everyone. ",
        "Save this pin so you have it ready when you need it, and share it with {a}. ",
        "Our readers loved the last round, so here are even more {s} ideas to try. ",
    ];

    private static readonly string[] Closers =
    [
        "Click through for the full guide.",
        "Get the free printable on the blog.",
        "Follow for more {s} ideas!",
        "Read more on our website.",
        "Which one is your favourite?",
    ];

    public static string Title(PinCategory category, PosterProfile poster, PythonRandom random)
    {
        var q = random.Pick(category.Qualifiers);
        var s = random.Pick(category.Subjects);
        return random.Below(8) switch
        {
            0 => $"{5 + random.Below(46)} {q} {s} Ideas for {TitleCase(random.Pick(category.Audiences))}",
            1 => $"{q} {s}",
            2 => $"DIY {q} {s}: Step by Step",
            3 => $"{s} Ideas You'll Love",
            4 => $"The Best {q} {s} of {2015 + random.Below(8)}",
            5 => $"{q} {s} - {poster.PosterName.TrimEnd()}",
            6 => $"{s} | {random.Pick(category.Qualifiers)} {random.Pick(category.Subjects)}",
            _ => $"{q} {s} for {random.Pick(category.Audiences)}",
        };
    }

    /// <summary>Replaces one space by a no-break space, as some real titles have.</summary>
    public static string WithNoBreakSpace(string title, PythonRandom random)
    {
        var spaces = Enumerable.Range(0, title.Length).Where(i => title[i] == ' ').ToArray();
        if (spaces.Length == 0)
        {
            return title;
        }

        var at = spaces[random.Below(spaces.Length)];
        return string.Concat(title.AsSpan(0, at), "\u00a0", title.AsSpan(at + 1));
    }

    public static string Description(PinCategory category, PythonRandom random)
    {
        var text = new StringBuilder();
        text.Append(Fill(random.Pick(Openers), category, random));
        // Half the descriptions are one or two sentences; the rest run past the scraper's cut.
        var middles = Math.Max(0, (int)random.Below(4) - 1);
        for (var i = 0; i < middles; i++)
        {
            text.Append(Fill(random.Pick(Middles), category, random));
        }

        text.Append(Fill(random.Pick(Closers), category, random));
        if (text.Length <= DescriptionCut)
        {
            return text.ToString();
        }

        return text.ToString(0, DescriptionCut).TrimEnd() + "…\u00a0";
    }

    /// <summary>Nine distinct tags, each a subject or a qualified subject, joined by commas.</summary>
    public static string Tags(PinCategory category, PythonRandom random)
    {
        var tags = new List<string>(9);
        while (tags.Count < 9)
        {
            var subject = random.Pick(category.Subjects);
            var tag = random.Chance(0.3) ? subject : $"{random.Pick(category.Qualifiers)} {subject}";
            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        return string.Join(",", tags);
    }

    public static string ImageSource(string mediaType, PythonRandom random)
    {
        var hash = Hex(random, 16);
        var path = $"{hash[..2]}/{hash[2..4]}/{hash[4..6]}/{hash}";
        if (mediaType != PinDirt.Image)
        {
            return $"https://i.pinimg.com/videos/thumbnails/originals/{path}.0000001.jpg";
        }

        var ticket = random.Below(ImageExtensions.Sum(e => e.Count));
        foreach (var (count, extension) in ImageExtensions)
        {
            if (ticket < count)
            {
                return $"https://i.pinimg.com/originals/{path}.{extension}";
            }

            ticket -= count;
        }

        throw new InvalidOperationException("unreachable: tickets cover the extension counts");
    }

    /// <summary>A random (version 4) GUID in its usual text form.</summary>
    public static string UniqueId(PythonRandom random)
    {
        var bytes = new byte[16];
        for (var i = 0; i < 16; i += 4)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i), random.NextUInt32());
        }

        bytes[6] = (byte)((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3f) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    private static string Hex(PythonRandom random, int byteCount)
    {
        var bytes = new byte[byteCount];
        for (var i = 0; i < byteCount; i += 4)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i), random.NextUInt32());
        }

        return Convert.ToHexStringLower(bytes);
    }

    private static string Fill(string template, PinCategory category, PythonRandom random)
    {
        var qualifier = random.Pick(category.Qualifiers);
        return template
            .Replace("{Q}", qualifier, StringComparison.Ordinal)
            .Replace("{q}", qualifier.ToLowerInvariant(), StringComparison.Ordinal)
            .Replace("{s}", random.Pick(category.Subjects).ToLowerInvariant(), StringComparison.Ordinal)
            .Replace("{a}", random.Pick(category.Audiences), StringComparison.Ordinal)
            .Replace("{n}", (5 + random.Below(46)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static string TitleCase(string words) =>
        string.Join(' ', words.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
}
