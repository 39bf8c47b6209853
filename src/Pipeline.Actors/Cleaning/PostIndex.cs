using System.Text.Json;

namespace Pipeline.Actors.Cleaning;

/// <summary>
/// The post index of a record as the fields <c>index</c> (pin) and <c>ind</c> (geo, user) carry it;
/// either name is accepted on every table. A value that is not a non-negative whole number, or two
/// names that disagree, make it invalid.
/// </summary>
internal struct PostIndex
{
    private long? value;

    /// <summary>Why the index is unusable; null when it is valid or missing.</summary>
    public string? Problem { get; private set; }

    public readonly bool IsMissing => value is null && Problem is null;

    public readonly long Value => value ?? throw new InvalidOperationException("The post index is missing or invalid.");

    public static bool IsIndexName(ReadOnlySpan<byte> name) => name.SequenceEqual("ind"u8) || name.SequenceEqual("index"u8);

    public void Read(ref Utf8JsonReader reader, char[] scratch)
    {
        var tokenType = reader.TokenType;
        var result = JsonValue.WholeNumber(ref reader, scratch, out var number, out var issue);
        if (issue == FieldIssueReasons.Missing)
        {
            return;
        }

        var problem = result switch
        {
            _ when issue == FieldIssueReasons.WrongType => $"the index is a JSON {JsonValue.Describe(tokenType)}",
            WholeNumberResult.Whole when number < 0 => $"the index {number} is negative",
            WholeNumberResult.Whole => null,
            WholeNumberResult.NotWhole => "the index is not a whole number",
            WholeNumberResult.TooLarge => "the index is too large",
            _ => "the index is not a number",
        };

        if (problem is null && value is { } earlier && earlier != number)
        {
            problem = $"the record carries two different post indexes, {earlier} and {number}";
        }

        if (problem is not null)
        {
            Problem ??= problem;
            value = null;
        }
        else if (Problem is null)
        {
            value = number;
        }
    }
}
