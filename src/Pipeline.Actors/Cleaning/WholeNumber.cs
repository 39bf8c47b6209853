using System.Globalization;

namespace Pipeline.Actors.Cleaning;

/// <summary>How reading a whole number from text or a JSON number went.</summary>
public enum WholeNumberResult
{
    Whole,
    NotANumber,
    NotWhole,
    TooLarge,
}

/// <summary>
/// Reads a whole number written as JSON writes numbers (<c>7528</c>, <c>-3</c>, <c>7528.0</c>,
/// <c>7.528e3</c>); a fraction that is exactly zero still denotes a whole number.
/// </summary>
public static class WholeNumber
{
    private const NumberStyles Integer = NumberStyles.AllowLeadingSign;
    private const NumberStyles Real = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public static WholeNumberResult Parse(ReadOnlySpan<char> text, out long value)
    {
        text = text.Trim();
        if (long.TryParse(text, Integer, CultureInfo.InvariantCulture, out value))
        {
            return WholeNumberResult.Whole;
        }

        var isDecimal = decimal.TryParse(text, Real, CultureInfo.InvariantCulture, out var exact);
        var isDouble = double.TryParse(text, Real, CultureInfo.InvariantCulture, out var approximate);
        return Classify(isDecimal, exact, isDouble, approximate, out value);
    }

    public static WholeNumberResult Parse(ReadOnlySpan<byte> utf8, out long value)
    {
        if (long.TryParse(utf8, Integer, CultureInfo.InvariantCulture, out value))
        {
            return WholeNumberResult.Whole;
        }

        var isDecimal = decimal.TryParse(utf8, Real, CultureInfo.InvariantCulture, out var exact);
        var isDouble = double.TryParse(utf8, Real, CultureInfo.InvariantCulture, out var approximate);
        return Classify(isDecimal, exact, isDouble, approximate, out value);
    }

    private static WholeNumberResult Classify(bool isDecimal, decimal exact, bool isDouble, double approximate, out long value)
    {
        value = 0;
        if (isDecimal)
        {
            if (decimal.Truncate(exact) != exact)
            {
                return WholeNumberResult.NotWhole;
            }

            if (exact is < long.MinValue or > long.MaxValue)
            {
                return WholeNumberResult.TooLarge;
            }

            value = (long)exact;
            return WholeNumberResult.Whole;
        }

        // A number decimal cannot hold but double can is beyond decimal's range, so far beyond long's.
        return isDouble && double.IsFinite(approximate) ? WholeNumberResult.TooLarge : WholeNumberResult.NotANumber;
    }
}
