using Pipeline.Host.Cli;

namespace Pipeline.Host.Verbs;

/// <summary>The verbs of <c>pipeline</c>, in the order <c>--help</c> lists them.</summary>
public static class Verbs
{
    public static IReadOnlyList<IVerb> All => [new RunVerb(), new CleanVerb(), new EmulateVerb(), new HistoryVerb(), new QueryVerb()];
}
