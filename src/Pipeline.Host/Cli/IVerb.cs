namespace Pipeline.Host.Cli;

/// <summary>One sub-command of <c>pipeline</c>.</summary>
public interface IVerb
{
    string Name { get; }

    /// <summary>One line for the verb list.</summary>
    string Summary { get; }

    /// <summary>The verb's full <c>--help</c> text.</summary>
    string Help { get; }

    Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation);
}
