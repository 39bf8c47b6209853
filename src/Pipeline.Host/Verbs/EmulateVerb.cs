using Pipeline.Actors.Emulation;
using Pipeline.Host.Cli;

namespace Pipeline.Host.Verbs;

/// <summary><c>pipeline emulate</c>: writes emulated posts as the three JSONL files of a replay folder.</summary>
public sealed class EmulateVerb : IVerb
{
    /// <summary>Synthetic posts are endless; written to files they need a limit.</summary>
    private const long DefaultSyntheticPosts = 1_000;

    public string Name => "emulate";

    public string Summary => "write emulated posts (synthetic or replayed) as pin/geo/user JSONL files";

    public string Help => $"""
        Usage: pipeline emulate [--seed N] [--posts N] [--start TIME] [--malformed-rate R] [--out DIR]
               pipeline emulate --replay DIR [--shuffle] [--posts N] [--out DIR]

        Stands in for the original user_posting_emulation.py: each post is a pin, a geo and a user
        record sharing one post index, written to DIR/pin.jsonl, DIR/geo.jsonl and DIR/user.jsonl
        (replacing them).

        Synthetic mode (the default) makes realistic posts with the real data's kinds and rates of
        dirt; the same seed gives byte-identical files.
          --seed N            seed of the synthetic posts (default 100)
          --posts N           how many posts (default {DefaultSyntheticPosts:N0} in synthetic mode)
          --start TIME        event time of the first post, e.g. 2020-01-01T00:00:00Z (default: now)
          --malformed-rate R  share of records replaced by malformed ones, 0..1 (default 0.002)

        Replay mode re-emits the posts of a folder of pin/geo/user JSONL files.
          --replay DIR        the folder to replay (e.g. ../shared/data)
          --shuffle           visit posts in the original emulator's seeded random order
                              (Python random seeded with 100, as the original loop drew it)
          --posts N           stop after N posts (required with --shuffle, which never ends)

          --out DIR           where the files go (default: the current folder)

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation)
    {
        var arguments = Arguments.Parse(args, ["seed", "posts", "start", "malformed-rate", "replay", "out"], ["shuffle"]);
        var settings = Settings(arguments);
        var output = arguments.Text("out") ?? ".";

        var written = 0L;
        PostFileCounts counts;
        await using (new Progress(terminal, TimeSpan.FromSeconds(1), () => (Interlocked.Read(ref written), "posts written")))
        {
            counts = await Task.Run(() => UserPostingEmulator.WriteFiles(settings, TimeProvider.System, output, progress =>
            {
                cancellation.ThrowIfCancellationRequested();
                Interlocked.Exchange(ref written, progress.Posts);
            }), cancellation);
            Interlocked.Exchange(ref written, counts.Posts);
        }

        await terminal.Error.WriteLineAsync(
            $"wrote {counts.Posts} posts to {Path.GetFullPath(output)}: {counts.Pins} pin, {counts.Geos} geo, {counts.Users} user records");
        return CommandLine.Ok;
    }

    private static EmulatorSettings Settings(Arguments arguments)
    {
        var posts = arguments.Whole("posts", min: 1);
        var replay = arguments.Text("replay");
        if (replay is not null)
        {
            foreach (var synthetic in new[] { "seed", "start", "malformed-rate" })
            {
                if (arguments.Has(synthetic))
                    throw new UsageException($"--{synthetic} is for synthetic posts, not with --replay");
            }

            if (!Directory.Exists(replay))
                throw new UsageException($"--replay folder '{replay}' does not exist");
            if (arguments.Has("shuffle") && posts is null)
                throw new UsageException("--shuffle never ends by itself: give --posts N");
            return EmulatorSettings.Replay(replay, arguments.Has("shuffle"), posts);
        }

        if (arguments.Has("shuffle"))
            throw new UsageException("--shuffle goes with --replay DIR");
        return EmulatorSettings.Synthetic(arguments.Whole("seed") ?? EmulatorSettings.Default.Seed, posts ?? DefaultSyntheticPosts) with
        {
            Start = arguments.Time("start"),
            MalformedRate = arguments.Number("malformed-rate", 0, 1) ?? EmulatorSettings.Default.MalformedRate,
        };
    }
}
