namespace Pipeline.Actors.Emulation;

/// <summary>
/// The kinds of dirt a scraped pin carries, drawn with the joint frequencies measured over the 4,662
/// real pins (pin.jsonl and pin_partial.jsonl): placeholders come in fixed combinations (a story-page
/// pin has no description; a failed scrape loses title, description, user info, tags and image at
/// once), so they are drawn as whole patterns rather than field by field. Missing fields are drawn
/// on their own, as they were lost independently of the scrape.
/// </summary>
internal sealed record PinDirt(
    string MediaType,
    bool NoTitle,
    bool EmptyTitle,
    string? DescriptionPlaceholder,
    bool UserInfoError,
    bool NoTags,
    bool ImageError)
{
    public const string Image = "image";
    public const string Video = "video";
    public const string StoryPage = "multi-video(story page format)";

    public const string NoTitlePlaceholder = "No Title Data Available";
    public const string StoryDescriptionPlaceholder = "No description available Story format";
    public const string NoDescriptionPlaceholder = "No description available";
    public const string UserInfoErrorPlaceholder = "User Info Error";
    public const string NoTagsPlaceholder = "N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e";
    public const string ImageErrorPlaceholder = "Image src error.";

    /// <summary>622 of the real pins lack <c>downloaded</c>.</summary>
    public const double MissingDownloadedRate = 622.0 / 4662;

    /// <summary>6 of the real pins lack <c>poster_name</c>.</summary>
    public const double MissingPosterNameRate = 6.0 / 4662;

    /// <summary>10 real titles have a no-break space where a space belongs.</summary>
    public const double NoBreakSpaceInTitleRate = 10.0 / 4662;

    private static readonly (int Count, PinDirt Dirt)[] Patterns =
    [
        (4085, new(Image, false, false, null, false, false, false)),
        (74, new(Image, false, false, NoDescriptionPlaceholder, false, false, false)),
        (22, new(Image, false, false, null, false, true, false)),
        (124, new(Video, false, false, null, false, false, false)),
        (5, new(Video, false, false, NoDescriptionPlaceholder, false, false, false)),
        (3, new(Video, false, false, null, false, true, false)),
        (229, new(StoryPage, false, false, StoryDescriptionPlaceholder, false, false, false)),
        (80, new(StoryPage, false, false, StoryDescriptionPlaceholder, false, false, true)),
        (35, new(StoryPage, true, false, StoryDescriptionPlaceholder, true, true, true)),
        (4, new(StoryPage, false, false, StoryDescriptionPlaceholder, false, true, false)),
        (1, new(StoryPage, false, true, StoryDescriptionPlaceholder, false, false, true)),
    ];

    private static readonly int Total = Patterns.Sum(p => p.Count);

    public static PinDirt Draw(PythonRandom random)
    {
        var ticket = random.Below(Total);
        foreach (var (count, dirt) in Patterns)
        {
            if (ticket < count)
            {
                return dirt;
            }

            ticket -= count;
        }

        throw new InvalidOperationException("unreachable: tickets cover the pattern counts");
    }
}
