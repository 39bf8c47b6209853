namespace Pipeline.Actors.Cleaning;

/// <summary>
/// The exact fast path for the plain decimals coordinates are sent as (<c>-88.8298</c>): at most
/// <see cref="MaxDigits"/> digits and no exponent. Both the digits and the power of ten are then
/// exact doubles, and one IEEE division rounds their quotient correctly, so the result is the one a
/// full parse gives, at a fraction of its cost. Any other number is left to the full parser.
/// </summary>
internal static class ShortDecimal
{
    public const int MaxDigits = 15;

    private static ReadOnlySpan<double> PowersOfTen =>
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>
    /// The value of a JSON number's text (as <see cref="System.Text.Json.Utf8JsonReader"/> has
    /// already validated it) when it takes the fast path; false otherwise.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> number, out double value)
    {
        value = 0;
        var negative = !number.IsEmpty && number[0] == '-';
        long digits = 0;
        var count = 0;
        var point = -1;
        for (var i = negative ? 1 : 0; i < number.Length; i++)
        {
            var symbol = number[i];
            if (symbol == '.' && point < 0)
            {
                point = count;
                continue;
            }

            if (!char.IsAsciiDigit((char)symbol) || ++count > MaxDigits)
            {
                return false;
            }

            digits = (digits * 10) + (symbol - '0');
        }

        if (count == 0)
        {
            return false;
        }

        var quotient = digits / PowersOfTen[point < 0 ? 0 : count - point];
        value = negative ? -quotient : quotient;
        return true;
    }
}
