using System.Collections;
using System.Globalization;
using System.Text;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Emulation;

/// <summary>Posts flattened into raw records with emulator positions (see <see cref="UserPostingEmulator.RawRecords"/>).</summary>
internal sealed class EmulatedRawRecords(IEnumerable<EmulatedPost> posts, TimeProvider clock) : IEnumerable<RawRecord>
{
    public IEnumerator<RawRecord> GetEnumerator()
    {
        var offsets = new long[3];
        foreach (var post in posts)
        {
            foreach (var (table, json) in post.Records())
            {
                var offset = offsets[(int)table]++;
                var position = new SourcePosition(
                    UserPostingEmulator.SourceName,
                    table.Name(),
                    offset.ToString(CultureInfo.InvariantCulture),
                    clock.GetUtcNow());
                yield return new RawRecord(table, Encoding.UTF8.GetBytes(json), position);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
