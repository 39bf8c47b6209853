using System.Text.Json;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Cleaning;

/// <summary>The fields of a user record: <c>first_name</c> and <c>last_name</c> become <c>user_name</c>.</summary>
internal struct UserFields : IRecordFields
{
    private PostIndex index;
    /// <summary>Where the cleaned names lie in the record's scratch; joined only when the record is built.</summary>
    private Range firstName, lastName;
    private string? firstNameIssue, lastNameIssue;
    private int? age;
    private string? ageIssue;
    private DateTimeOffset? dateJoined;
    private string? dateJoinedIssue;

    public readonly PostIndex Index => index;

    public void Read(scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader, char[] scratch)
    {
        // The length picks the candidate, so each property costs one comparison.
        switch (name.Length)
        {
            case 3 when name.SequenceEqual("age"u8):
                var result = JsonValue.WholeNumber(ref reader, scratch, out var years, out ageIssue);
                age = ageIssue is null ? Age.FromWholeNumber(result, years, out ageIssue) : null;
                break;
            case 3 or 5 when PostIndex.IsIndexName(name):
                index.Read(ref reader, scratch);
                break;
            case 9 when name.SequenceEqual("last_name"u8):
                lastName = JsonValue.CleanTextPlace(ref reader, scratch, out lastNameIssue);
                break;
            case 10 when name.SequenceEqual("first_name"u8):
                firstName = JsonValue.CleanTextPlace(ref reader, scratch, out firstNameIssue);
                break;
            case 11 when name.SequenceEqual("date_joined"u8):
                dateJoined = JsonValue.Instant(ref reader, scratch, out dateJoinedIssue);
                break;
            default:
                reader.Skip();
                break;
        }
    }

    public readonly ICleanRecord Build(long ind, char[] scratch, ref FieldIssueList issues)
    {
        var userName = UserName.Join(scratch.AsSpan(firstName), scratch.AsSpan(lastName), out var userNameIssue);
        var partIssue = firstNameIssue == FieldIssueReasons.WrongType || lastNameIssue == FieldIssueReasons.WrongType
            ? FieldIssueReasons.WrongType
            : null;
        issues.Add("user_name", userName is null ? partIssue ?? userNameIssue : null, userName is null);
        issues.Add("age", ageIssue, age is null);
        issues.Add("date_joined", dateJoinedIssue, dateJoined is null);
        return new CleanUser(ind, userName, age, dateJoined);
    }
}
