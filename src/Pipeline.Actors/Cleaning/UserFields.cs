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

    public void ReadProperty(ref Utf8JsonReader reader)
    {
        if (PostIndex.IsIndexName(ref reader))
        {
            reader.Read();
            index.Read(ref reader);
        }
        else if (reader.ValueTextEquals("first_name"u8))
        {
            reader.Read();
            firstName = JsonValue.Text(ref reader, out firstNameIssue);
        }
        else if (reader.ValueTextEquals("last_name"u8))
        {
            reader.Read();
            lastName = JsonValue.Text(ref reader, out lastNameIssue);
        }
        else if (reader.ValueTextEquals("age"u8))
        {
            reader.Read();
            var result = JsonValue.WholeNumber(ref reader, out var years, out ageIssue);
            age = ageIssue is null ? Age.FromWholeNumber(result, years, out ageIssue) : null;
        }
        else if (reader.ValueTextEquals("date_joined"u8))
        {
            reader.Read();
            dateJoined = JsonValue.Instant(ref reader, out dateJoinedIssue);
        }
        else
        {
            reader.Read();
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
