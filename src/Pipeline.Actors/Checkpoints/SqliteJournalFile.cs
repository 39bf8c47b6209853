using System.Data.Common;
using Akka.Actor.Setup;
using Akka.Persistence.Sql.Config;
using LinqToDB;
using LinqToDB.Interceptors;
using Microsoft.Data.Sqlite;

namespace Pipeline.Actors.Checkpoints;

/// <summary>
/// The SQLite file of the embedded journal. <see cref="Prepare"/> creates its folder and switches it
/// to write-ahead logging (a property of the file) before the actor system opens it.
/// <see cref="Setup"/> makes every connection of the journal and snapshot plugins use
/// <c>synchronous = NORMAL</c>: in WAL mode a commit is then durable against a process crash, and
/// only an operating-system crash can lose the last commits, while each of a checkpoint's many
/// small snapshot writes no longer waits for its own disk sync.
/// </summary>
public static class SqliteJournalFile
{
    public const string JournalPluginId = "akka.persistence.journal.sql";
    public const string SnapshotPluginId = "akka.persistence.snapshot-store.sql";

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

    /// <summary>The actor-system setup for the plugins (add it with <c>AkkaConfigurationBuilder.AddSetup</c>
    /// or <c>BootstrapSetup.And</c>); it replaces their connection-string and provider-name keys.</summary>
    public static Setup Setup(string connectionString)
    {
        var options = new DataOptions()
            .UseConnectionString(ProviderName.SQLiteMS, connectionString)
            .UseInterceptor(new NormalSynchronous());
        var setup = new MultiDataOptionsSetup();
        setup.AddDataOptions(JournalPluginId, options);
        setup.AddDataOptions(SnapshotPluginId, options);
        return setup;
    }

    private sealed class NormalSynchronous : ConnectionInterceptor
    {
        public override void ConnectionOpened(ConnectionEventData eventData, DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL;";
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(ConnectionEventData eventData, DbConnection connection, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
