using Microsoft.Data.Sqlite;

namespace Pipeline.Actors.Checkpoints;

/// <summary>
/// Prepares the SQLite file of the embedded journal before the actor system opens it: creates its
/// folder and switches it to write-ahead logging, which is a property of the file (it persists) and
/// lets a checkpoint's many small snapshot writes proceed without blocking readers and with one sync
/// per write instead of several.
/// </summary>
public static class SqliteJournalFile
{
    public static void Prepare(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }
}
