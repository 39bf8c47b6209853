using Pipeline.Host.Tests.Postgres;
using Xunit;

namespace Pipeline.Actors.Tests.Live;

/// <summary>
/// Test classes of this collection share one throwaway PostgreSQL server (started once, stopped
/// when they are done); each test creates its own database on it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCollection.Server>
{
    public const string Name = "PostgreSQL server";

    public sealed class Server : IAsyncLifetime
    {
        private PostgresServer? _postgres;

        public PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("the PostgreSQL server has not started");

        public async Task InitializeAsync() => _postgres = await PostgresServer.StartAsync();

        public async Task DisposeAsync()
        {
            if (_postgres is not null)
                await _postgres.DisposeAsync();
        }
    }
}
