using System.Text.Json;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Cleaning;

/// <summary>The fields of a pin record; the clean field names are the issue names.</summary>
internal struct PinFields : IRecordFields
{
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

    public void ReadProperty(ref Utf8JsonReader reader)
    {
        if (PostIndex.IsIndexName(ref reader))
        {
            reader.Read();
            index.Read(ref reader);
        }
        else if (reader.ValueTextEquals("unique_id"u8))
        {
            uniqueId = ReadText(ref reader, "unique_id", out uniqueIdIssue);
        }
        else if (reader.ValueTextEquals("title"u8))
        {
            title = ReadText(ref reader, "title", out titleIssue);
        }
        else if (reader.ValueTextEquals("description"u8))
        {
            description = ReadText(ref reader, "description", out descriptionIssue);
        }
        else if (reader.ValueTextEquals("poster_name"u8))
        {
            posterName = ReadText(ref reader, "poster_name", out posterNameIssue);
        }
        else if (reader.ValueTextEquals("follower_count"u8))
        {
            reader.Read();
            followerCount = ReadFollowerCount(ref reader, out followerCountIssue);
        }
        else if (reader.ValueTextEquals("tag_list"u8))
        {
            reader.Read();
            var text = JsonValue.Text(ref reader, out tagListIssue);
            tagList = tagListIssue is null ? TagList.Parse(text, out tagListIssue) : null;
        }
        else if (reader.ValueTextEquals("is_image_or_video"u8))
        {
            isImageOrVideo = ReadText(ref reader, "is_image_or_video", out isImageOrVideoIssue);
        }
        else if (reader.ValueTextEquals("image_src"u8))
        {
            imageSrc = ReadText(ref reader, "image_src", out imageSrcIssue);
        }
        else if (reader.ValueTextEquals("downloaded"u8))
        {
            reader.Read();
            downloaded = ReadDownloaded(ref reader, out downloadedIssue);
        }
        else if (reader.ValueTextEquals("save_location"u8))
        {
            reader.Read();
            var text = JsonValue.Text(ref reader, out saveLocationIssue);
            saveLocation = saveLocationIssue is null ? SaveLocation.Clean(text, out saveLocationIssue) : null;
        }
        else if (reader.ValueTextEquals("category"u8))
        {
            category = ReadText(ref reader, "category", out categoryIssue);
        }
        else
        {
            reader.Read();
            reader.Skip();
        }
    }

    public readonly ICleanRecord Build(long ind, ref FieldIssueList issues)
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

    /// <summary>Moves to the value and reads it as a text field with its placeholders nulled.</summary>
    private static string? ReadText(ref Utf8JsonReader reader, string field, out string? issue)
    {
        reader.Read();
        var text = JsonValue.Text(ref reader, out issue);
        return issue is null ? Placeholders.Clean(field, text, out issue) : null;
    }

    private static long? ReadFollowerCount(ref Utf8JsonReader reader, out string? issue)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return FollowerCount.Parse(reader.GetString(), out issue);
        }

        var result = JsonValue.WholeNumber(ref reader, out var count, out issue);
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

    private static bool? ReadDownloaded(ref Utf8JsonReader reader, out string? issue)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
            case JsonTokenType.False:
                issue = null;
                return reader.TokenType == JsonTokenType.True;
            case JsonTokenType.String:
                return Downloaded.Parse(reader.GetString(), out issue);
            default:
                var result = JsonValue.WholeNumber(ref reader, out var flag, out issue);
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
