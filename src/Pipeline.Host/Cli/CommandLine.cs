namespace Pipeline.Host.Cli;

/// <summary>Dispatches <c>pipeline &lt;verb&gt; [options]</c> and turns failures into exit codes:
/// 0 success, 1 a runtime failure (one line on stderr), 2 a usage error.</summary>
public sealed class CommandLine(IReadOnlyList<IVerb> verbs)
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    public async Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            await terminal.Out.WriteAsync(Overview());
            return args.Count == 0 ? Usage : Ok;
        }

        var verb = verbs.FirstOrDefault(v => v.Name == args[0]);
        if (verb is null)
        {
            await terminal.Error.WriteLineAsync($"pipeline: unknown verb '{args[0]}' (try: pipeline --help)");
            return Usage;
        }

        var rest = args.Skip(1).ToArray();
        if (rest.Any(a => a is "-h" or "--help"))
        {
            await terminal.Out.WriteAsync(verb.Help);
            return Ok;
        }

        try
        {
            return await verb.RunAsync(rest, terminal, cancellation);
        }
        catch (UsageException e)
        {
            await terminal.Error.WriteLineAsync($"pipeline {verb.Name}: {e.Message} (try: pipeline {verb.Name} --help)");
            return Usage;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return Ok;
        }
        catch (Exception e)
        {
            // Whatever stopped the verb is reported as one line; the exit code tells scripts it failed.
            await terminal.Error.WriteLineAsync($"pipeline {verb.Name}: {e.Message.ReplaceLineEndings(" ")}");
            return Failure;
        }
    }

    private string Overview()
    {
        var width = verbs.Max(v => v.Name.Length) + 2;
        var lines = verbs.Select(v => $"  {v.Name.PadRight(width)}{v.Summary}");
        return $"""
            pipeline: a streaming engine for Pinterest-style user events.

            Usage: pipeline <verb> [options]    (pipeline <verb> --help for its options)

            Verbs:
            {string.Join(Environment.NewLine, lines)}

            """;
    }
}
