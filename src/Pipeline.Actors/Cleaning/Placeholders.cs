namespace Pipeline.Actors.Cleaning;

/// <summary>
/// The exact strings the original scraper wrote when it had no data for a pin field. They are
/// compared after trimming, ordinally, so a variant spelling stays data rather than being guessed at.
/// </summary>
public static class Placeholders
{
    public const string Title = "No Title Data Available";
    public const string StoryDescription = "No description available Story format";
    public const string Description = "No description available";
    public const string UserInfoError = "User Info Error";
    public const string TagList = "N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e";
    public const string ImageSrc = "Image src error.";

    internal static readonly FieldPlaceholders OfTitle = new(Title);
    internal static readonly FieldPlaceholders OfDescription = new(StoryDescription, Description);
    internal static readonly FieldPlaceholders OfPoster = new(UserInfoError);
    internal static readonly FieldPlaceholders OfTagList = new(TagList);
    internal static readonly FieldPlaceholders OfImageSrc = new(ImageSrc);

    /// <summary>Whether the trimmed text is a placeholder of the pin field <paramref name="field"/>.</summary>
    public static bool IsPlaceholder(string field, ReadOnlySpan<char> trimmed) => Of(field).Matches(trimmed);

    /// <summary>
    /// <see cref="TextField"/>'s rule, then null the placeholders of the pin field
    /// <paramref name="field"/> with <see cref="FieldIssueReasons.Placeholder"/>.
    /// </summary>
    public static string? Clean(string field, string? text, out string? issue)
    {
        if (text is null)
        {
            issue = FieldIssueReasons.Missing;
            return null;
        }

        return Clean(field, text.AsSpan(), out issue);
    }

    /// <inheritdoc cref="Clean(string, string?, out string?)"/>
    public static string? Clean(string field, ReadOnlySpan<char> text, out string? issue) => Of(field).Clean(text, out issue);

    /// <summary>The placeholders of a pin field; poster_name and follower_count share theirs.</summary>
    private static FieldPlaceholders Of(string field) => field switch
    {
        "title" => OfTitle,
        "description" => OfDescription,
        "poster_name" or "follower_count" => OfPoster,
        "tag_list" => OfTagList,
        "image_src" => OfImageSrc,
        _ => FieldPlaceholders.None,
    };
}
