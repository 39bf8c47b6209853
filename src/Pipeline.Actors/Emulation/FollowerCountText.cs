using System.Globalization;

namespace Pipeline.Actors.Emulation;

/// <summary>Follower counts as Pinterest displayed them and the scraper stored them: <c>532</c>,
/// <c>36k</c>, <c>2M</c>, rounded down, never with decimals.</summary>
public static class FollowerCountText
{
    public static string Render(long followers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(followers);
        return followers switch
        {
            < 1_000 => followers.ToString(CultureInfo.InvariantCulture),
            < 1_000_000 => (followers / 1_000).ToString(CultureInfo.InvariantCulture) + "k",
            _ => (followers / 1_000_000).ToString(CultureInfo.InvariantCulture) + "M",
        };
    }
}
