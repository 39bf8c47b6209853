using System.Collections;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Emulation;

/// <summary>
/// Posts read back from a folder of pin/geo/user JSONL files, in file order: the files are merged by
/// post index as they are read, so for files sorted by index (as the emulator writes them and as the
/// real data is) each post carries all of its records, and each table's records come out in exactly
/// their file order. A post may lack a table (the real data lacks most pins). A record whose index
/// cannot be read (malformed, missing, negative) becomes a post of its own, with index -1, where it
/// stands in its file. Stops at the end of the files or at <see cref="EmulatorSettings.Posts"/>.
/// </summary>
public sealed class ReplayedPosts : IEnumerable<EmulatedPost>
{
    private readonly string _directory;
    private readonly long? _limit;

    public ReplayedPosts(string directory, long? limit = null)
    {
        _directory = directory;
        _limit = limit;
    }

    public IEnumerator<EmulatedPost> GetEnumerator()
    {
        var heads = ReplayFiles.In(_directory).Select(file => new FileHead(file.Table, file.Path)).ToList();
        try
        {
            for (long emitted = 0; _limit is not { } limit || emitted < limit; emitted++)
            {
                var post = Next(heads);
                if (post is null)
                {
                    yield break;
                }

                yield return post;
            }
        }
        finally
        {
            heads.ForEach(head => head.Dispose());
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static EmulatedPost? Next(List<FileHead> heads)
    {
        var live = heads.Where(head => head.Record is not null).ToList();
        if (live.Count == 0)
        {
            return null;
        }

        var unindexed = live.FirstOrDefault(head => head.Index is null);
        if (unindexed is not null)
        {
            return Post(-1, [unindexed]);
        }

        var index = live.Min(head => head.Index!.Value);
        var members = live
            .Where(head => head.Index == index)
            .GroupBy(head => head.Table)
            .Select(group => group.First())
            .ToList();
        return Post(index, members);
    }

    private static EmulatedPost Post(long index, IReadOnlyList<FileHead> members)
    {
        string? Take(Table table)
        {
            var head = members.FirstOrDefault(member => member.Table == table);
            var record = head?.Record;
            head?.Advance();
            return record;
        }

        return new EmulatedPost(index, Take(Table.Pin), Take(Table.Geo), Take(Table.User));
    }

    /// <summary>The next unread record of one file and its index.</summary>
    private sealed class FileHead : IDisposable
    {
        private readonly IEnumerator<string> _records;

        public FileHead(Table table, string path)
        {
            Table = table;
            _records = ReplayFiles.Records(path).GetEnumerator();
            Advance();
        }

        public Table Table { get; }

        public string? Record { get; private set; }

        public long? Index { get; private set; }

        public void Advance()
        {
            Record = _records.MoveNext() ? _records.Current : null;
            Index = Record is null ? null : RecordIndex.Read(Record);
        }

        public void Dispose() => _records.Dispose();
    }
}
