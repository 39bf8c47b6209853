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

    /// <summary>Whether the trimmed text is a placeholder of the pin field <paramref name="field"/>.</summary>
    public static bool IsPlaceholder(string field, ReadOnlySpan<char> trimmed) => field switch
    {
        "title" => trimmed.SequenceEqual(Title),
        "description" => trimmed.SequenceEqual(StoryDescription) || trimmed.SequenceEqual(Description),
        "poster_name" or "follower_count" => trimmed.SequenceEqual(UserInfoError),
        "tag_list" => trimmed.SequenceEqual(TagList),
        "image_src" => trimmed.SequenceEqual(ImageSrc),
        _ => false,
    };

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
    public static string? Clean(string field, ReadOnlySpan<char> text, out string? issue)
    {
        var trimmed = TextField.Trim(text, out issue);
        if (issue is not null)
        {
            return null;
        }

        if (IsPlaceholder(field, trimmed))
        {
            issue = FieldIssueReasons.Placeholder;
            return null;
        }

        return trimmed.ToString();
    }
}
