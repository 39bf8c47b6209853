namespace Pipeline.Actors.Leaderboards;

/// <summary>The entity ids of the leaderboards (one sharded entity each).</summary>
public static class BoardIds
{
    /// <summary>Every profile, ranked by popularity.</summary>
    public const string Profiles = "profiles";

    /// <summary>Categories by posts in each arrival window.</summary>
    public const string Categories = "categories";

    public static string ProfilesInCategory(string category) => "category|" + category;

    public static string ProfilesInCountry(string country) => "country|" + country;
}
