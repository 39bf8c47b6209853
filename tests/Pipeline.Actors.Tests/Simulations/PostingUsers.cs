using Pipeline.Actors.Emulation;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Tests.Simulations;

/// <summary>
/// The synthetic emulator's users posting on virtual time: each post's pin, geo and user records
/// reach the log one second apart, stamped by the virtual clock (the emulator's own raw records,
/// whose arrival time is its clock's "now").
/// </summary>
internal sealed class PostingUsers(EmulatorSettings settings, VirtualTime time) : IDisposable
{
    private readonly IEnumerator<RawRecord> _records =
        new EmulatedRawRecords(UserPostingEmulator.Posts(settings, time.Clock), time.Clock).GetEnumerator();

    /// <summary>The records of the next post, the first arriving at <paramref name="when"/>.</summary>
    public IReadOnlyList<RawRecord> PostAt(DateTimeOffset when)
    {
        time.AdvanceTo(when);
        var records = new List<RawRecord>(3);
        // Synthetic posts always carry a pin, a geo and a user record (broken ones are still sent).
        foreach (var _ in Enumerable.Range(0, 3))
        {
            if (records.Count > 0)
                time.Advance(TimeSpan.FromSeconds(1));
            if (!_records.MoveNext())
                throw new InvalidOperationException("the emulator ran out of posts");
            records.Add(_records.Current);
        }
        return records;
    }

    public void Dispose() => _records.Dispose();
}
