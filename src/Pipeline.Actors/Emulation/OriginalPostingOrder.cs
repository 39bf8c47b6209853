namespace Pipeline.Actors.Emulation;

/// <summary>One step of the original emulator: the post index it picked and the seconds it slept first.</summary>
public readonly record struct OriginalPick(long Index, int PauseSeconds);

/// <summary>
/// The order in which the original <c>user_posting_emulation.py</c> visited posts. It seeded
/// Python's <c>random</c> with 100 and looped forever on <c>sleep(random.randrange(0, 2))</c> then
/// <c>random.randint(0, 11000)</c>; the pause draw is part of the sequence, which is why the picks
/// are 7528, 2863, 5730, 8304 and not every value <c>randint</c> alone would give.
/// </summary>
public static class OriginalPostingOrder
{
    public const long OriginalSeed = 100;

    /// <summary>The highest index the original picked; posts above it are never visited.</summary>
    public const long MaxIndex = 11_000;

    /// <summary>The endless sequence of picks for a seed.</summary>
    public static IEnumerable<OriginalPick> Picks(long seed = OriginalSeed)
    {
        var random = new PythonRandom(seed);
        while (true)
        {
            var pause = (int)random.Below(2);
            yield return new OriginalPick(random.RandInt(0, MaxIndex), pause);
        }
    }
}
