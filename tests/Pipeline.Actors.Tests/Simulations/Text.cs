using System.Globalization;

namespace Pipeline.Actors.Tests.Simulations;

/// <summary>One text form for expected and live answers, so a failed comparison reads as a diff.</summary>
internal static class Text
{
    public static string Profile(string poster, long? followers, long posts, IEnumerable<long> windows, IEnumerable<string> categories) =>
        $"{poster}: followers {followers?.ToString(CultureInfo.InvariantCulture) ?? "null"}, posts {posts}, windows {string.Join("/", windows)}, categories {string.Join(",", categories)}";

    public static string Category(string category, long posts, IEnumerable<string> byCountry, IEnumerable<string> byYear, IEnumerable<string> byAgeGroup, IEnumerable<long> windows) =>
        $"{category}: posts {posts}, countries {string.Join(",", byCountry)}, years {string.Join(",", byYear)}, ages {string.Join(",", byAgeGroup)}, windows {string.Join("/", windows)}";

    public static string Ranking(IEnumerable<string> entries) => string.Join(", ", entries);

    public static IEnumerable<string> Counts<TKey>(IEnumerable<KeyValuePair<TKey, long>> counts) => counts
        .Select(count => (Key: Convert.ToString(count.Key, CultureInfo.InvariantCulture)!, count.Value))
        .OrderBy(count => count.Key, StringComparer.Ordinal)
        .Select(count => $"{count.Key}={count.Value}");
}
