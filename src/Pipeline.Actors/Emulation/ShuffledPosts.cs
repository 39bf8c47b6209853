using System.Collections;

namespace Pipeline.Actors.Emulation;

/// <summary>
/// Posts read from a replay folder and visited in the original emulator's order
/// (<see cref="OriginalPostingOrder"/>): posts repeat, and a pick with no post of that index emits
/// nothing. Endless unless <see cref="EmulatorSettings.Posts"/> limits it; empty when the folder has
/// no post the original could pick. The folder is read whole when enumeration starts.
/// </summary>
public sealed class ShuffledPosts : IEnumerable<EmulatedPost>
{
    private readonly string _directory;
    private readonly long _seed;
    private readonly long? _limit;

    public ShuffledPosts(string directory, long seed = OriginalPostingOrder.OriginalSeed, long? limit = null)
    {
        _directory = directory;
        _seed = seed;
        _limit = limit;
    }

    public IEnumerator<EmulatedPost> GetEnumerator()
    {
        var byIndex = new Dictionary<long, EmulatedPost>();
        foreach (var post in new ReplayedPosts(_directory))
        {
            if (post.Index is >= 0 and <= OriginalPostingOrder.MaxIndex)
            {
                byIndex[post.Index] = byIndex.TryGetValue(post.Index, out var earlier) ? Merge(earlier, post) : post;
            }
        }

        if (byIndex.Count == 0 || _limit == 0)
        {
            yield break;
        }

        long emitted = 0;
        foreach (var pick in OriginalPostingOrder.Picks(_seed))
        {
            if (byIndex.TryGetValue(pick.Index, out var post))
            {
                yield return post;
                if (++emitted == _limit)
                {
                    yield break;
                }
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Files not sorted by index can split a post; the first record of each table wins.</summary>
    private static EmulatedPost Merge(EmulatedPost first, EmulatedPost second) =>
        first with { Pin = first.Pin ?? second.Pin, Geo = first.Geo ?? second.Geo, User = first.User ?? second.User };
}
