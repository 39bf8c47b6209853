using System.Globalization;
using Akka.Configuration;

namespace Pipeline.Actors.Emulation;

/// <summary>
/// What the user-posting emulator produces. Keys live under <c>pipeline.emulator</c>
/// (hocon/emulator.conf documents each); <c>pipeline emulate</c> overrides them from its arguments.
/// </summary>
/// <param name="Seed">Synthetic mode: the same seed gives byte-identical posts.</param>
/// <param name="Posts">How many posts to emit; null is no limit (replay in file order still ends
/// with its files).</param>
/// <param name="MalformedRate">Synthetic mode: the share of records replaced by a malformed one.</param>
/// <param name="Start">Synthetic mode: the first post's event time; null is "now" from the clock.</param>
/// <param name="PostInterval">Synthetic mode with a start: the event-time step between posts.</param>
/// <param name="Jitter">Synthetic mode: event times move back by up to this much.</param>
/// <param name="Profiles">Synthetic mode: how many people post; a few post very often.</param>
/// <param name="ReplayDirectory">Replay mode: the folder with pin/geo/user JSONL files.</param>
/// <param name="Shuffle">Replay mode: visit posts in the original emulator's seeded order.</param>
public sealed record EmulatorSettings(
    EmulatorMode Mode,
    long Seed,
    long? Posts,
    double MalformedRate,
    DateTimeOffset? Start,
    TimeSpan PostInterval,
    TimeSpan Jitter,
    int Profiles,
    string? ReplayDirectory,
    bool Shuffle)
{
    public static EmulatorSettings Default { get; } = new(
        Mode: EmulatorMode.Synthetic,
        Seed: 100,
        Posts: null,
        MalformedRate: 0.002,
        Start: null,
        PostInterval: TimeSpan.FromMinutes(1),
        Jitter: TimeSpan.FromSeconds(5),
        Profiles: 20_000,
        ReplayDirectory: null,
        Shuffle: false);

    /// <summary>Synthetic posts for a seed, as <c>pipeline emulate --seed N --posts N</c>.</summary>
    public static EmulatorSettings Synthetic(long seed, long? posts = null) =>
        Default with { Mode = EmulatorMode.Synthetic, Seed = seed, Posts = posts };

    /// <summary>Replayed posts, as <c>pipeline emulate --replay DIR [--shuffle]</c>.</summary>
    public static EmulatorSettings Replay(string directory, bool shuffle = false, long? posts = null) =>
        Default with { Mode = EmulatorMode.Replay, ReplayDirectory = directory, Shuffle = shuffle, Posts = posts };

    /// <summary>Reads <c>pipeline.emulator</c>; a missing key keeps its <see cref="Default"/>.</summary>
    public static EmulatorSettings FromConfig(Config config)
    {
        var section = config.GetConfig("pipeline.emulator");
        if (section is null || section.IsEmpty)
        {
            return Default;
        }

        var posts = section.GetLong("posts", 0);
        var start = section.GetString("start", string.Empty);
        var replay = section.GetString("replay-directory", string.Empty);
        var settings = new EmulatorSettings(
            Mode: ParseMode(section.GetString("mode", "synthetic")),
            Seed: section.GetLong("seed", Default.Seed),
            Posts: posts > 0 ? posts : null,
            MalformedRate: section.GetDouble("malformed-rate", Default.MalformedRate),
            Start: string.IsNullOrWhiteSpace(start) ? null : ParseStart(start),
            PostInterval: section.GetTimeSpan("post-interval", Default.PostInterval, allowInfinite: false),
            Jitter: section.GetTimeSpan("jitter", Default.Jitter, allowInfinite: false),
            Profiles: section.GetInt("profiles", Default.Profiles),
            ReplayDirectory: string.IsNullOrWhiteSpace(replay) ? null : replay,
            Shuffle: section.GetBoolean("shuffle", Default.Shuffle));
        settings.Validate();
        return settings;
    }

    /// <summary>A start time as <c>start</c> and <c>--start</c> take it: any ISO 8601 or
    /// <c>YYYY-MM-DD HH:MM:SS</c> form, UTC unless it carries an offset.</summary>
    public static DateTimeOffset ParseStart(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>Throws on values the emulator cannot honour.</summary>
    public void Validate()
    {
        if (MalformedRate is < 0 or > 1 || double.IsNaN(MalformedRate))
        {
            throw new ArgumentOutOfRangeException(nameof(MalformedRate), MalformedRate, "must be within 0..1");
        }

        if (Posts is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Posts), Posts, "must not be negative");
        }

        if (Profiles < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Profiles), Profiles, "at least one person must post");
        }

        if (PostInterval < TimeSpan.Zero || Jitter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PostInterval), "intervals must not be negative");
        }

        if (Mode == EmulatorMode.Replay && string.IsNullOrWhiteSpace(ReplayDirectory))
        {
            throw new ArgumentException("replay mode needs a replay directory", nameof(ReplayDirectory));
        }
    }

    private static EmulatorMode ParseMode(string mode) => mode.Trim().ToLowerInvariant() switch
    {
        "synthetic" => EmulatorMode.Synthetic,
        "replay" => EmulatorMode.Replay,
        _ => throw new ArgumentException($"unknown emulator mode '{mode}' (synthetic or replay)", nameof(mode)),
    };
}
