using Pipeline.Host.Cli;

namespace Pipeline.Host.Verbs;

public static class Verbs
{
    public static IReadOnlyList<IVerb> All => [];
}
