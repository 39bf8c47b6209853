namespace Pipeline.Actors.Cleaning;

/// <summary>The reason codes of <see cref="Records.FieldIssue"/>: why cleaning nulled a field.</summary>
public static class FieldIssueReasons
{
    /// <summary>The field was absent or JSON null.</summary>
    public const string Missing = "missing";

    /// <summary>The field was only white space.</summary>
    public const string Empty = "empty";

    /// <summary>The field held a known "no data" placeholder string.</summary>
    public const string Placeholder = "placeholder";

    /// <summary>The field's text could not be read as the type the field needs.</summary>
    public const string Unparseable = "unparseable";

    /// <summary>The field was readable but outside the range its meaning allows.</summary>
    public const string OutOfRange = "out_of_range";

    /// <summary>The field was a JSON type that cannot carry its meaning (object, array, boolean).</summary>
    public const string WrongType = "wrong_type";
}
