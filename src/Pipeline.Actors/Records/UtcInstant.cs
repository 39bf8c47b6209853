namespace Pipeline.Actors.Records;

/// <summary>The one text form of an instant in clean output: ISO 8601 in UTC.</summary>
public static class UtcInstant
{
    /// <summary><c>FFFFFFF</c> drops trailing zeros of the fraction, and the point with them when it is zero.</summary>
    public const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";
}
