using System.Text;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Emulation;

/// <summary>How many records went to each file.</summary>
public readonly record struct PostFileCounts(long Posts, long Pins, long Geos, long Users);

/// <summary>
/// Writes posts as the three JSONL files of a replay folder, <c>pin.jsonl</c>, <c>geo.jsonl</c>,
/// <c>user.jsonl</c>: one record per line, UTF-8 without a byte-order mark, <c>\n</c> line ends.
/// Existing files are replaced.
/// </summary>
public static class PostFiles
{
    /// <summary>How often <see cref="Write"/> reports progress, in posts.</summary>
    public const int ProgressInterval = 10_000;

    /// <param name="progress">Called with the counts so far every <see cref="ProgressInterval"/>
    /// posts, for a command's progress line.</param>
    public static PostFileCounts Write(IEnumerable<EmulatedPost> posts, string directory, Action<PostFileCounts>? progress = null)
    {
        Directory.CreateDirectory(directory);
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var pin = Open(directory, Table.Pin, encoding);
        using var geo = Open(directory, Table.Geo, encoding);
        using var user = Open(directory, Table.User, encoding);
        long count = 0, pins = 0, geos = 0, users = 0;
        foreach (var post in posts)
        {
            count++;
            pins += WriteLine(pin, post.Pin);
            geos += WriteLine(geo, post.Geo);
            users += WriteLine(user, post.User);
            if (count % ProgressInterval == 0)
            {
                progress?.Invoke(new PostFileCounts(count, pins, geos, users));
            }
        }

        return new PostFileCounts(count, pins, geos, users);
    }

    private static StreamWriter Open(string directory, Table table, Encoding encoding) =>
        new(Path.Combine(directory, table.Name() + ".jsonl"), append: false, encoding) { NewLine = "\n" };

    private static long WriteLine(StreamWriter writer, string? record)
    {
        if (record is null)
        {
            return 0;
        }

        writer.WriteLine(record);
        return 1;
    }
}
