using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Records;
using Xunit;

namespace Pipeline.Actors.Tests.Cleaning;

/// <summary>Cleaning is total: real rows damaged at random bytes still yield an outcome, never an exception.</summary>
public sealed class RecordCleanerTotalityTests
{
    private static readonly byte[] Interesting = "{}[]\",:\\ -.0123456789eEtrufalsnu\u00a0\u011f"u8.ToArray().Concat(new byte[] { 0x00, 0x80, 0xC3, 0xFF, 0xED, 0xA0 }).ToArray();

    [Theory]
    [InlineData("pin.jsonl", Table.Pin)]
    [InlineData("pin_partial.jsonl", Table.Pin)]
    [InlineData("geo.jsonl", Table.Geo)]
    [InlineData("user.jsonl", Table.User)]
    public void Damaged_real_rows_never_throw(string file, Table table)
    {
        var random = new Random(20_26);
        var rows = SharedData.RawRecords(file, table).Take(300).ToList();
        var quarantined = 0;
        foreach (var row in rows)
        {
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var damaged = Damage(row.Value.ToArray(), random);
                var outcome = RecordCleaner.Clean(row with { Value = damaged });
                Assert.True(outcome is CleanedRecord or QuarantinedRecord);
                quarantined += outcome is QuarantinedRecord ? 1 : 0;
            }
        }

        Assert.InRange(quarantined, 1, rows.Count * 20 - 1);
    }

    private static byte[] Damage(byte[] bytes, Random random)
    {
        var list = bytes.ToList();
        for (var change = random.Next(1, 4); change > 0 && list.Count > 0; change--)
        {
            var at = random.Next(list.Count);
            switch (random.Next(4))
            {
                case 0:
                    list[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 1:
                    list.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 2:
                    list.RemoveAt(at);
                    break;
                default:
                    list.RemoveRange(at, list.Count - at);
                    break;
            }
        }

        return list.ToArray();
    }
}
