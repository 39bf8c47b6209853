using Pipeline.Actors.Records;

namespace Pipeline.Actors.Emulation;

/// <summary>
/// One post as the original emulator sent it: the raw JSON text (one line, no newline) of its pin,
/// geo and user records, each possibly dirty or malformed. A record is null when the post has none
/// for that table (replayed data lacks many pins). <see cref="Index"/> is the post index the records
/// share; it is -1 for a replayed record whose own index could not be read.
/// </summary>
public sealed record EmulatedPost(long Index, string? Pin, string? Geo, string? User)
{
    /// <summary>The records that exist, in table order pin, geo, user.</summary>
    public IEnumerable<(Table Table, string Json)> Records()
    {
        if (Pin is not null)
        {
            yield return (Table.Pin, Pin);
        }

        if (Geo is not null)
        {
            yield return (Table.Geo, Geo);
        }

        if (User is not null)
        {
            yield return (Table.User, User);
        }
    }

    public string? Record(Table table) => table switch
    {
        Table.Pin => Pin,
        Table.Geo => Geo,
        Table.User => User,
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
    };
}
