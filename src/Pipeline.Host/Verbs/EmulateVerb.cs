using Pipeline.Actors.Emulation;
using Pipeline.Actors.Records;
using Pipeline.Host.Cli;
using Pipeline.Host.Ingest;

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
               pipeline emulate ... --target URL [--rate N] [--kinesis] [--prefix ID]

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

        Posting to a running engine (or any Kafka REST proxy / API Gateway) instead of writing files:
          --target URL        base URL, e.g. http://127.0.0.1:8082; each record is one request,
                              POST URL/topics/<prefix>.<table> in the Kafka REST proxy shape
          --kinesis           PUT URL/streams/streaming-<prefix>-<table>/record instead
          --prefix ID         the user id the original clients used as prefix (default 0a1b2c3d4e5f)
          --rate N            posts per second (default 10; 0 is as fast as the target answers)

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation)
    {
        var arguments = Arguments.Parse(args, ["seed", "posts", "start", "malformed-rate", "replay", "out", "target", "rate", "prefix"], ["shuffle", "kinesis"]);
        var settings = Settings(arguments);
        if (arguments.Text("target") is { } target)
            return await Post(arguments, settings, target, terminal, cancellation);
        foreach (var option in new[] { "rate", "prefix", "kinesis" })
        {
            if (arguments.Has(option))
                throw new UsageException($"--{option} goes with --target URL");
        }

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

    private static async Task<int> Post(Arguments arguments, EmulatorSettings settings, string target, Terminal terminal, CancellationToken cancellation)
    {
        if (arguments.Has("out"))
            throw new UsageException("--out and --target exclude each other");
        if (!Uri.TryCreate(target.EndsWith('/') ? target : target + "/", UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
            throw new UsageException($"--target must be an http(s) URL, not '{target}'");
        var prefix = arguments.Text("prefix") ?? "0a1b2c3d4e5f";
        if (!StreamNames.TryParseTopic(StreamNames.Topic(prefix, Table.Pin), out _, out _))
            throw new UsageException($"--prefix may hold letters, digits, '.', '_' and '-', not '{prefix}'");
        var rate = arguments.Whole("rate", min: 0, max: 1_000_000) ?? 10;

        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        var client = new IngestClient(http, prefix, arguments.Has("kinesis"));
        var records = 0L;
        var posts = 0L;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using (new Progress(terminal, TimeSpan.FromSeconds(1), () => (Interlocked.Read(ref records), $"{Interlocked.Read(ref posts):N0} posts sent to {target}")))
        {
            foreach (var post in UserPostingEmulator.Posts(settings, TimeProvider.System))
            {
                foreach (var (table, json) in post.Records())
                {
                    await client.PostAsync(table, json, cancellation);
                    Interlocked.Increment(ref records);
                }

                var sent = Interlocked.Increment(ref posts);
                if (rate > 0 && TimeSpan.FromSeconds((double)sent / rate) - clock.Elapsed is { } due && due > TimeSpan.Zero)
                    await Task.Delay(due, cancellation);
            }
        }

        await terminal.Error.WriteLineAsync($"sent {posts} posts ({records} records) to {target}");
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
