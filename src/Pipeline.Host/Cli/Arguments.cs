namespace Pipeline.Host.Cli;

/// <summary>
/// The options of one verb: <c>--name value</c> pairs and bare <c>--flag</c>s. Every option a verb
/// reads is declared up front, so a misspelt option is a usage error rather than silently ignored.
/// </summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string?> _given;

    private Arguments(Dictionary<string, string?> given) => _given = given;

    /// <param name="valued">Options that take a value.</param>
    /// <param name="flags">Options that take none.</param>
    public static Arguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags)
    {
        var given = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
                throw new UsageException($"unexpected argument '{arg}'");
            var name = arg[2..];
            string? inlineValue = null;
            var eq = name.IndexOf('=');
            if (eq >= 0)
            {
                inlineValue = name[(eq + 1)..];
                name = name[..eq];
            }

            if (given.ContainsKey(name))
                throw new UsageException($"option --{name} given twice");
            if (flags.Contains(name))
            {
                if (inlineValue is not null)
                    throw new UsageException($"option --{name} takes no value");
                given[name] = null;
            }
            else if (valued.Contains(name))
            {
                if (inlineValue is null)
                {
                    if (i + 1 >= args.Count)
                        throw new UsageException($"option --{name} needs a value");
                    inlineValue = args[++i];
                }

                given[name] = inlineValue;
            }
            else
            {
                throw new UsageException($"unknown option --{name}");
            }
        }

        return new Arguments(given);
    }

    public bool Has(string name) => _given.ContainsKey(name);

    public string? Text(string name) => _given.GetValueOrDefault(name);

    public string RequiredText(string name) =>
        Text(name) ?? throw new UsageException($"option --{name} is required");

    public long? Whole(string name, long min = long.MinValue, long max = long.MaxValue)
    {
        var text = Text(name);
        if (text is null)
            return null;
        if (!long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
            throw new UsageException($"option --{name} must be a whole number from {min} to {max}, not '{text}'");
        return value;
    }

    public double? Number(string name, double min, double max)
    {
        var text = Text(name);
        if (text is null)
            return null;
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
            throw new UsageException($"option --{name} must be a number from {min} to {max}, not '{text}'");
        return value;
    }

    public DateTimeOffset? Time(string name)
    {
        var text = Text(name);
        if (text is null)
            return null;
        if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var value))
            throw new UsageException($"option --{name} must be a date and time such as 2020-08-28T03:52:47Z, not '{text}'");
        return value;
    }
}
