namespace Pipeline.Actors.Emulation;

/// <summary>Draws a category by its popularity weight.</summary>
internal static class Categories
{
    private static readonly double[] Cumulative = Accumulate();

    public static PinCategory Draw(PythonRandom random)
    {
        var target = random.NextDouble() * Cumulative[^1];
        for (var i = 0; i < Cumulative.Length; i++)
        {
            if (target < Cumulative[i])
            {
                return PinCategories.All[i];
            }
        }

        return PinCategories.All[^1];
    }

    private static double[] Accumulate()
    {
        var total = 0.0;
        return PinCategories.All.Select(category => total += category.Weight).ToArray();
    }
}
