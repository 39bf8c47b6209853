using Akka.Configuration;
using Microsoft.Data.Sqlite;

namespace Pipeline.Host.Engine;

/// <summary>SQLite creates the journal file but not its folder; the engine creates the folder so the
/// embedded default works from any working directory.</summary>
public static class JournalFolder
{
    public static void Create(Config config)
    {
        if (config.GetString("akka.persistence.journal.sql.provider-name", "") is not "SQLite.MS")
            return;
        var file = new SqliteConnectionStringBuilder(config.GetString("akka.persistence.journal.sql.connection-string")).DataSource;
        if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            Directory.CreateDirectory(folder);
    }
}
