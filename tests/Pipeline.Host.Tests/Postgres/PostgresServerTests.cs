using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Xunit;

namespace Pipeline.Host.Tests.Postgres;

public class PostgresServerTests
{
    [Fact]
    public async Task A_server_serves_its_databases_and_leaves_nothing_behind()
    {
        var postgres = await PostgresServer.StartAsync();
        string first;
        try
        {
            first = await postgres.CreateDatabaseAsync("first");
            var second = await postgres.CreateDatabaseAsync("second");

            Assert.Equal("first", await CurrentDatabaseAsync(first));
            Assert.Equal("second", await CurrentDatabaseAsync(second));
            await Assert.ThrowsAsync<ArgumentException>(() => postgres.CreateDatabaseAsync("x; DROP DATABASE first"));
        }
        finally
        {
            await postgres.DisposeAsync();
        }

        Assert.False(Directory.Exists(postgres.DataFolder));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => CurrentDatabaseAsync(first + ";Pooling=false"));
    }

    [Fact]
    public async Task The_server_of_a_test_process_that_died_is_stopped_by_the_next_start()
    {
        var orphan = await PostgresServer.StartAsync();
        var connection = await orphan.CreateDatabaseAsync("orphan") + ";Pooling=false";
        using (var gone = Process.Start("true")!)
        {
            await gone.WaitForExitAsync();
            await File.WriteAllTextAsync(orphan.DataFolder + ".owner", gone.Id.ToString(CultureInfo.InvariantCulture));
        }

        await using (await PostgresServer.StartAsync())
        {
            Assert.False(Directory.Exists(orphan.DataFolder));
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => CurrentDatabaseAsync(connection));
        }

        await orphan.DisposeAsync();
    }

    private static async Task<string> CurrentDatabaseAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_database()", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
