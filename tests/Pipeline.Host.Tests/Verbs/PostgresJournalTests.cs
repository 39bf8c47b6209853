using Npgsql;
using Pipeline.Host.Configuration;
using Pipeline.Host.Tests.Postgres;
using Xunit;

namespace Pipeline.Host.Tests.Verbs;

/// <summary><c>pipeline run</c> with <c>PIPELINE_JOURNAL=postgres</c>, as the pods run it: the real
/// process, its connection string from the environment, a real PostgreSQL server.</summary>
public class PostgresJournalTests
{
    private static readonly string[] Questions =
    [
        "/api/metrics/category_by_country",
        "/api/metrics/category_by_age_group",
        "/api/metrics/median_followers_by_age_group",
        "/api/metrics/users_joined_by_year",
    ];

    [Fact]
    public async Task Live_state_is_kept_in_PostgreSQL_and_survives_a_restart()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var connection = await postgres.CreateDatabaseAsync("pipeline");
        using var folder = new EngineFolder(sqliteJournal: false);
        var environment = new Dictionary<string, string>
        {
            ["PIPELINE_JOURNAL"] = "postgres",
            [EngineConfig.PostgresConnectionVariable] = connection,
        };

        List<string> before;
        await using (var first = await RunningEngine.StartProcessAsync(environment, "--config", folder.Config))
        {
            var posted = await VerbRun.Of("emulate", "--seed", "4", "--posts", "50", "--rate", "0", "--malformed-rate", "0", "--start", "2021-03-01T00:00:00Z", "--target", first.Address);
            Assert.Equal(0, posted.ExitCode);
            await first.WhenProcessed(150);
            await first.WhenCommitted();
            before = await AnswersAsync(first);
            Assert.Equal(0, await first.StopAsync());
        }

        Assert.Contains(before, answer => answer.Contains("\"rows\":[[", StringComparison.Ordinal));
        await using (var database = new NpgsqlConnection(connection))
        {
            await database.OpenAsync();
            Assert.True(await ScalarAsync<long>(database, "SELECT count(*) FROM public.snapshot_store") > 0);
            Assert.True(await ScalarAsync<bool>(database, "SELECT to_regclass('public.event_journal') IS NOT NULL"));
        }

        // The embedded Kafka starts empty again: whatever the second run knows comes from PostgreSQL.
        await using var second = await RunningEngine.StartProcessAsync(environment, "--config", folder.Config);
        Assert.Equal(before, await AnswersAsync(second));
    }

    [Fact]
    public async Task Without_a_connection_string_the_engine_refuses_to_start_in_one_line()
    {
        using var folder = new EngineFolder(sqliteJournal: false);
        var environment = new Dictionary<string, string> { ["PIPELINE_JOURNAL"] = "postgres", [EngineConfig.PostgresConnectionVariable] = "" };

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningEngine.StartProcessAsync(environment, "--config", folder.Config));

        Assert.Contains($"pipeline run: PIPELINE_JOURNAL=postgres needs a connection string: set {EngineConfig.PostgresConnectionVariable}", failure.Message);
    }

    /// <summary>The answers to <see cref="Questions"/>. Right after a start the entities are still
    /// being recovered and an answer may time out (503): it is asked again.</summary>
    private static async Task<List<string>> AnswersAsync(RunningEngine engine)
    {
        var answers = new List<string>();
        foreach (var question in Questions)
        {
            answers.Add(await engine.Eventually(async () =>
            {
                using var response = await engine.Http.GetAsync(question);
                if (response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable)
                    return null;
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadAsStringAsync();
            }));
        }
        return answers;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection database, string sql)
    {
        await using var command = new NpgsqlCommand(sql, database);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
