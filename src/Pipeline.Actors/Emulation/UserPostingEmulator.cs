using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Emulation;

/// <summary>
/// The emulator's entry points, as <c>pipeline emulate</c> and <c>pipeline run</c> use them: the posts
/// the settings describe, as an enumerable or as an Akka.Streams source (<see cref="PostFiles"/> writes them out as files).
/// </summary>
public static class UserPostingEmulator
{
    /// <summary>Source name in the positions of <see cref="RawRecords"/>.</summary>
    public const string SourceName = "emulator";

    public static IEnumerable<EmulatedPost> Posts(EmulatorSettings settings, TimeProvider clock)
    {
        settings.Validate();
        return settings.Mode switch
        {
            EmulatorMode.Synthetic => new SyntheticPosts(settings, clock),
            EmulatorMode.Replay when settings.Shuffle => new ShuffledPosts(settings.ReplayDirectory!, settings.Seed, settings.Posts),
            EmulatorMode.Replay => new ReplayedPosts(settings.ReplayDirectory!, settings.Posts),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Mode, null),
        };
    }

    /// <summary>The posts as a stream; each materialization starts over and, for a seed or a replay
    /// folder, emits the same posts. Runs on the blocking-I/O dispatcher since replay reads files.</summary>
    public static Source<EmulatedPost, NotUsed> Source(EmulatorSettings settings, TimeProvider clock) =>
        Akka.Streams.Dsl.Source.From(Posts(settings, clock))
            .WithAttributes(ActorAttributes.CreateDispatcher("akka.stream.default-blocking-io-dispatcher"));

    /// <summary>
    /// The posts' records as raw records for the cleaning stages, pin, geo, user per post. Positions
    /// name <see cref="SourceName"/>, the table as partition and a per-table offset counting from 0;
    /// arrival time is the clock's when the record is emitted.
    /// </summary>
    public static Source<RawRecord, NotUsed> RawRecords(EmulatorSettings settings, TimeProvider clock) =>
        Akka.Streams.Dsl.Source.From(new EmulatedRawRecords(Posts(settings, clock), clock))
            .WithAttributes(ActorAttributes.CreateDispatcher("akka.stream.default-blocking-io-dispatcher"));

    /// <summary>Writes pin.jsonl, geo.jsonl and user.jsonl (creating the folder); see <see cref="PostFiles"/>.</summary>
    public static PostFileCounts WriteFiles(
        EmulatorSettings settings, TimeProvider clock, string directory, Action<PostFileCounts>? progress = null) =>
        PostFiles.Write(Posts(settings, clock), directory, progress);
}
