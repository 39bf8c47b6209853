namespace Pipeline.Host.Cli;

/// <summary>The standard streams a verb talks to; tests pass their own.</summary>
public sealed record Terminal(TextWriter Out, TextWriter Error, Func<Stream> OpenStandardInput, Func<Stream> OpenStandardOutput)
{
    /// <summary>Whether progress may redraw one line in place instead of printing a line each time.</summary>
    public bool ErrorIsInteractive { get; init; }

    public static Terminal Console() => new(
        System.Console.Out,
        System.Console.Error,
        System.Console.OpenStandardInput,
        System.Console.OpenStandardOutput)
    {
        ErrorIsInteractive = !System.Console.IsErrorRedirected,
    };
}
