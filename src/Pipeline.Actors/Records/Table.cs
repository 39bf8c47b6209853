namespace Pipeline.Actors.Records;

/// <summary>The three tables a post is split into; they share one post index.</summary>
public enum Table
{
    Pin,
    Geo,
    User,
}

public static class TableNames
{
    public static string Name(this Table table) => table switch
    {
        Table.Pin => "pin",
        Table.Geo => "geo",
        Table.User => "user",
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
    };

    public static bool TryParse(string? name, out Table table)
    {
        switch (name)
        {
            case "pin": table = Table.Pin; return true;
            case "geo": table = Table.Geo; return true;
            case "user": table = Table.User; return true;
            default: table = default; return false;
        }
    }
}
