namespace Pipeline.Actors.Assembly;

/// <summary>The age groups of the metrics: 18-24, 25-35, 36-50 (50 included), 50+; under 18 is in none.</summary>
public static class AgeGroups
{
    public static readonly IReadOnlyList<string> All = ["18-24", "25-35", "36-50", "50+"];

    public static string? Of(int? age) => age switch
    {
        null => null,
        < 18 => null,
        <= 24 => "18-24",
        <= 35 => "25-35",
        <= 50 => "36-50",
        _ => "50+",
    };
}
