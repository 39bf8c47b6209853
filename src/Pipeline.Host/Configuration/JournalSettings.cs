using Akka.Configuration;

namespace Pipeline.Host.Configuration;

/// <summary>The journal the layered configuration picked (persistence-sqlite.conf or
/// persistence-postgres.conf): what a state node prepares and health-checks.</summary>
/// <param name="Plugin">The journal plugin's configuration path.</param>
/// <param name="ConnectionString">The SQL journal's connection string.</param>
/// <param name="IsSqliteFile">True for the embedded SQLite file, which must be prepared before use.</param>
public sealed record JournalSettings(string Plugin, string ConnectionString, bool IsSqliteFile)
{
    public static JournalSettings FromConfig(Config config) => new(
        config.GetString("akka.persistence.journal.plugin"),
        config.GetString("akka.persistence.journal.sql.connection-string"),
        config.GetString("akka.persistence.journal.sql.provider-name") == "SQLite.MS");
}
