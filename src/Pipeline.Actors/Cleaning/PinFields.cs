using System.Text.Json;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Cleaning;

/// <summary>The fields of a pin record; the clean field names are the issue names.</summary>
internal struct PinFields : IRecordFields
{
    /// <summary>The few values of the fields that repeat; category and save_location name some ten categories.</summary>
    private static readonly RepeatedText Categories = new(64), SaveLocations = new(64), MediaKinds = new(8);

    private PostIndex index;
    private string? uniqueId, uniqueIdIssue;
    private string? title, titleIssue;
    private string? description, descriptionIssue;
    private long? followerCount;
    private string? followerCountIssue;
    private string? posterName, posterNameIssue;
    private IReadOnlyList<string>? tagList;
    private string? tagListIssue;
    private string? isImageOrVideo, isImageOrVideoIssue;
    private string? imageSrc, imageSrcIssue;
    private string? saveLocation, saveLocationIssue;
    private string? category, categoryIssue;
    private bool? downloaded;
    private string? downloadedIssue;

    public readonly PostIndex Index => index;

    public void Read(scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader, char[] scratch)
    {
        // The length picks the candidates, so each property costs one or two comparisons.
        switch (name.Length)
        {
            case 3 or 5 when PostIndex.IsIndexName(name):
                index.Read(ref reader, scratch);
                break;
            case 5 when name.SequenceEqual("title"u8):
                title = ReadText(ref reader, scratch, Placeholders.OfTitle, out titleIssue);
                break;
            case 8 when name.SequenceEqual("tag_list"u8):
                tagList = AsciiText.TryRead(ref reader, out var asciiTags) ? TagList.Parse(asciiTags, out tagListIssue)
                    : JsonValue.TryText(ref reader, scratch, out var tags, out tagListIssue) ? TagList.Parse(tags, out tagListIssue)
                    : null;
                break;
            case 8 when name.SequenceEqual("category"u8):
                category = JsonValue.CleanText(ref reader, scratch, Categories, out categoryIssue);
                break;
            case 9 when name.SequenceEqual("unique_id"u8):
                uniqueId = ReadText(ref reader, scratch, FieldPlaceholders.None, out uniqueIdIssue);
                break;
            case 9 when name.SequenceEqual("image_src"u8):
                imageSrc = ReadText(ref reader, scratch, Placeholders.OfImageSrc, out imageSrcIssue);
                break;
            case 10 when name.SequenceEqual("downloaded"u8):
                downloaded = ReadDownloaded(ref reader, scratch, out downloadedIssue);
                break;
            case 11 when name.SequenceEqual("description"u8):
                description = ReadText(ref reader, scratch, Placeholders.OfDescription, out descriptionIssue);
                break;
            case 11 when name.SequenceEqual("poster_name"u8):
                posterName = ReadText(ref reader, scratch, Placeholders.OfPoster, out posterNameIssue);
                break;
            case 13 when name.SequenceEqual("save_location"u8):
                saveLocation = AsciiText.TryRead(ref reader, out var asciiLocation) ? SaveLocation.Clean(asciiLocation, SaveLocations, out saveLocationIssue)
                    : JsonValue.TryText(ref reader, scratch, out var location, out saveLocationIssue) ? SaveLocation.Clean(location, SaveLocations, out saveLocationIssue)
                    : null;
                break;
            case 14 when name.SequenceEqual("follower_count"u8):
                followerCount = ReadFollowerCount(ref reader, scratch, out followerCountIssue);
                break;
            case 17 when name.SequenceEqual("is_image_or_video"u8):
                isImageOrVideo = JsonValue.CleanText(ref reader, scratch, MediaKinds, out isImageOrVideoIssue);
                break;
            default:
                reader.Skip();
                break;
        }
    }

    public readonly ICleanRecord Build(long ind, char[] scratch, ref FieldIssueList issues)
    {
        issues.Add("unique_id", uniqueIdIssue, uniqueId is null);
        issues.Add("title", titleIssue, title is null);
        issues.Add("description", descriptionIssue, description is null);
        issues.Add("follower_count", followerCountIssue, followerCount is null);
        issues.Add("poster_name", posterNameIssue, posterName is null);
        issues.Add("tag_list", tagListIssue, tagList is null);
        issues.Add("is_image_or_video", isImageOrVideoIssue, isImageOrVideo is null);
        issues.Add("image_src", imageSrcIssue, imageSrc is null);
        issues.Add("save_location", saveLocationIssue, saveLocation is null);
        issues.Add("category", categoryIssue, category is null);
        issues.Add("downloaded", downloadedIssue, downloaded is null);
        return new CleanPin(ind, uniqueId, title, description, followerCount, posterName, tagList, isImageOrVideo,
            imageSrc, saveLocation, category, downloaded);
    }

    /// <summary>A text field with the field's placeholders nulled.</summary>
    private static string? ReadText(ref Utf8JsonReader reader, char[] scratch, FieldPlaceholders placeholders, out string? issue) =>
        AsciiText.TryRead(ref reader, out var ascii) ? placeholders.Clean(ascii, out issue)
        : JsonValue.TryText(ref reader, scratch, out var text, out issue) ? placeholders.Clean(text, out issue)
        : null;

    private static long? ReadFollowerCount(ref Utf8JsonReader reader, char[] scratch, out string? issue)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return JsonValue.TryText(ref reader, scratch, out var text, out issue) ? FollowerCount.Parse(text, out issue) : null;
        }

        var result = JsonValue.WholeNumber(ref reader, scratch, out var count, out issue);
        if (issue is not null)
        {
            return null;
        }

        issue = result switch
        {
            WholeNumberResult.Whole when count >= 0 => null,
            WholeNumberResult.Whole or WholeNumberResult.TooLarge => FieldIssueReasons.OutOfRange,
            _ => FieldIssueReasons.Unparseable,
        };
        return issue is null ? count : null;
    }

    private static bool? ReadDownloaded(ref Utf8JsonReader reader, char[] scratch, out string? issue)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
            case JsonTokenType.False:
                issue = null;
                return reader.TokenType == JsonTokenType.True;
            case JsonTokenType.String:
                return JsonValue.TryText(ref reader, scratch, out var text, out issue) ? Downloaded.Parse(text, out issue) : null;
            default:
                var result = JsonValue.WholeNumber(ref reader, scratch, out var flag, out issue);
                if (issue is not null)
                {
                    return null;
                }

                if (result != WholeNumberResult.Whole)
                {
                    issue = FieldIssueReasons.Unparseable;
                    return null;
                }

                return Downloaded.FromNumber(flag, out issue);
        }
    }
}
