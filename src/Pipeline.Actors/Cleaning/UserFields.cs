using System.Text.Json;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Cleaning;

/// <summary>The fields of a user record: <c>first_name</c> and <c>last_name</c> become <c>user_name</c>.</summary>
internal struct UserFields : IRecordFields
{
    private PostIndex index;
    private string? firstName, lastName;
    private string? firstNameIssue, lastNameIssue;
    private int? age;
    private string? ageIssue;
    private DateTimeOffset? dateJoined;
    private string? dateJoinedIssue;

    public readonly PostIndex Index => index;

    public void Read(scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader, char[] scratch)
    {
        if (PostIndex.IsIndexName(name))
        {
            index.Read(ref reader, scratch);
        }
        else if (name.SequenceEqual("first_name"u8))
        {
            firstName = JsonValue.CleanText(ref reader, scratch, out firstNameIssue);
        }
        else if (name.SequenceEqual("last_name"u8))
        {
            lastName = JsonValue.CleanText(ref reader, scratch, out lastNameIssue);
        }
        else if (name.SequenceEqual("age"u8))
        {
            var result = JsonValue.WholeNumber(ref reader, scratch, out var years, out ageIssue);
            age = ageIssue is null ? Age.FromWholeNumber(result, years, out ageIssue) : null;
        }
        else if (name.SequenceEqual("date_joined"u8))
        {
            dateJoined = JsonValue.Instant(ref reader, scratch, out dateJoinedIssue);
        }
        else
        {
            reader.Skip();
        }
    }

    public readonly ICleanRecord Build(long ind, ref FieldIssueList issues)
    {
        var userName = UserName.Join(firstName, lastName, out var userNameIssue);
        var partIssue = firstNameIssue == FieldIssueReasons.WrongType || lastNameIssue == FieldIssueReasons.WrongType
            ? FieldIssueReasons.WrongType
            : null;
        issues.Add("user_name", userName is null ? partIssue ?? userNameIssue : null, userName is null);
        issues.Add("age", ageIssue, age is null);
        issues.Add("date_joined", dateJoinedIssue, dateJoined is null);
        return new CleanUser(ind, userName, age, dateJoined);
    }
}
