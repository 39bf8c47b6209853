using Akka.Actor.Setup;
using Microsoft.Data.Sqlite;
using Npgsql;
using Pipeline.Actors.Checkpoints;
using Pipeline.Host.Tests.Postgres;

namespace Pipeline.Actors.Tests.Live;

/// <summary>The two databases the journal and snapshots run on.</summary>
public enum JournalKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// One empty journal database for a test: a new SQLite file, or a new database on the shared
/// PostgreSQL server of <see cref="PostgresCollection"/>. <see cref="LiveTestSystem"/> layers the
/// repository's <c>persistence-sqlite.conf</c> or <c>persistence-postgres.conf</c> and points it here.
/// </summary>
internal sealed class TestJournal : IDisposable
{
    private readonly string? _sqliteFile;

    private TestJournal(JournalKind kind, string connectionString, string? sqliteFile)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
    }

    public JournalKind Kind { get; }

    public string ConnectionString { get; }

    /// <summary>The hocon file under <c>hocon/</c> that configures this kind of journal.</summary>
    public string HoconFile => Kind == JournalKind.Sqlite ? "persistence-sqlite.conf" : "persistence-postgres.conf";

    /// <summary>The connection-string keys of the journal, read journal and snapshot plugins.</summary>
    public string Hocon => $"""
        akka.persistence.journal.sql.connection-string = "{ConnectionString}"
        akka.persistence.query.journal.sql.connection-string = "{ConnectionString}"
        akka.persistence.snapshot-store.sql.connection-string = "{ConnectionString}"
        """;

    /// <summary>The actor-system setup the engine adds for this kind of journal, if any.</summary>
    public Setup? Setup => Kind == JournalKind.Sqlite ? SqliteJournalFile.Setup(ConnectionString) : null;

    public static async Task<TestJournal> CreateAsync(JournalKind kind, PostgresServer postgres) => kind switch
    {
        JournalKind.Sqlite => NewSqlite(),
        _ => new TestJournal(kind, await postgres.CreateDatabaseAsync($"journal_{Guid.NewGuid():N}"), null),
    };

    /// <summary>A new SQLite file in the temporary folder, prepared as the engine prepares its own.</summary>
    public static TestJournal NewSqlite() =>
        AtSqliteFile(Path.Combine(Path.GetTempPath(), $"pipeline-live-{Guid.NewGuid():N}.db"), prepare: true);

    public static TestJournal AtSqliteFile(string path, bool prepare = false)
    {
        var connectionString = $"Data Source={path}";
        if (prepare)
            SqliteJournalFile.Prepare(connectionString);
        return new TestJournal(JournalKind.Sqlite, connectionString, path);
    }

    /// <summary>Snapshots stored, read straight from the database's table.</summary>
    public async Task<long> SnapshotRowsAsync()
    {
        if (Kind == JournalKind.Sqlite)
        {
            await using var sqlite = new SqliteConnection(ConnectionString);
            await sqlite.OpenAsync();
            await using var count = sqlite.CreateCommand();
            count.CommandText = "SELECT count(*) FROM snapshot";
            return Convert.ToInt64(await count.ExecuteScalarAsync());
        }

        await using var postgres = new NpgsqlConnection(ConnectionString);
        await postgres.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM public.snapshot_store", postgres);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Deletes the SQLite file; a PostgreSQL database goes with its server.</summary>
    public void Dispose()
    {
        if (_sqliteFile is null)
            return;
        foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            File.Delete(file);
    }
}
