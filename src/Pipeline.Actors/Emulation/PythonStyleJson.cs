using System.Globalization;
using System.Text;

namespace Pipeline.Actors.Emulation;

/// <summary>
/// Writes one JSON object the way the original Python clients did (<c>json.dumps</c> with
/// <c>ensure_ascii=False</c>): <c>", "</c> and <c>": "</c> separators, non-ASCII text as is, floats
/// in Python's shortest repr. The emulator's records then look like the real rows byte for byte.
/// </summary>
internal sealed class PythonStyleJson
{
    private readonly StringBuilder _text = new("{");

    public PythonStyleJson Add(string key, string value)
    {
        Key(key);
        AppendString(_text, value);
        return this;
    }

    public PythonStyleJson Add(string key, long value)
    {
        Key(key);
        _text.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public PythonStyleJson Add(string key, double value)
    {
        Key(key);
        _text.Append(FloatRepr(value));
        return this;
    }

    public override string ToString() => _text.ToString() + "}";

    /// <summary>Python's <c>repr(float)</c> for finite values: shortest round trip, always with a
    /// decimal point or exponent.</summary>
    internal static string FloatRepr(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('E'))
        {
            var mantissaAndExponent = text.Split('E');
            var exponent = int.Parse(mantissaAndExponent[1], CultureInfo.InvariantCulture);
            return $"{mantissaAndExponent[0]}e{(exponent < 0 ? "-" : "+")}{Math.Abs(exponent):00}";
        }

        return text.Contains('.') ? text : text + ".0";
    }

    internal static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case < ' ': text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }

        text.Append('"');
    }

    private void Key(string key)
    {
        if (_text.Length > 1)
        {
            _text.Append(", ");
        }

        AppendString(_text, key);
        _text.Append(": ");
    }
}
