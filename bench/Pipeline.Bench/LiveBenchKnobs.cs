namespace Pipeline.Bench;

/// <summary>
/// Environment variables that shrink or vary the live benches while investigating (the defaults are
/// the figures): <c>PIPELINE_BENCH_POSTS</c> and <c>PIPELINE_BENCH_POSTERS</c> for
/// <c>live</c>, <c>PIPELINE_BENCH_PROFILES</c> for <c>live-memory</c>,
/// <c>PIPELINE_BENCH_HOCON</c> (HOCON laid over the engine's, e.g. another batch size) for both, and
/// <c>PIPELINE_BENCH_SKIP_LATENCY</c> to stop <c>live</c> after the throughput figures.
/// </summary>
internal static class LiveBenchKnobs
{
    public static int Posts(int fallback) => Number("PIPELINE_BENCH_POSTS", fallback);

    public static int Posters(int fallback) => Number("PIPELINE_BENCH_POSTERS", fallback);

    public static int Profiles(int fallback) => Number("PIPELINE_BENCH_PROFILES", fallback);

    public static string Hocon => Environment.GetEnvironmentVariable("PIPELINE_BENCH_HOCON") ?? "";

    public static bool SkipLatency => Environment.GetEnvironmentVariable("PIPELINE_BENCH_SKIP_LATENCY") is "1" or "true";

    private static int Number(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { } text
            ? int.TryParse(text, out var value) && value > 0 ? value : throw new ArgumentException($"{name} must be a positive whole number, not '{text}'")
            : fallback;
}
