using Enc.Ledger.Storage;
using Npgsql;

namespace Enc.Ledger.Tests.Infrastructure;

/// <summary>
/// A uniquely named PostgreSQL database per test class (class fixture), on the server named by
/// <c>ENC_TEST_POSTGRES</c>; each test gets its own migrated schema inside it. Dropped at the end.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private const string EnvironmentVariable = "ENC_TEST_POSTGRES";
    private readonly List<NpgsqlDataSource> _dataSources = [];
    private string _adminConnectionString = "";

    /// <summary>The test database's name.</summary>
    public string Name { get; } = $"enc_ledger_test_{Guid.NewGuid():N}"[..40];

    /// <summary>Connection string of the test database.</summary>
    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        _adminConnectionString = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set: the ledger tests need a real PostgreSQL server " +
                "(e.g. Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres).");
        await using (var admin = new NpgsqlConnection(_adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = Name }.ConnectionString;
    }

    /// <summary>Creates a fresh schema, migrates the ledger into it and returns a data source bound to it.</summary>
    public async Task<NpgsqlDataSource> CreateLedgerSchemaAsync()
    {
        var schema = $"t_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString);
        lock (_dataSources)
        {
            _dataSources.Add(dataSource);
        }

        await LedgerSchema.MigrateAsync(dataSource);
        return dataSource;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }

        if (_adminConnectionString.Length == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
