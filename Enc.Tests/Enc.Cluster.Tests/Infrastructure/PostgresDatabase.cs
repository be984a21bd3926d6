using Npgsql;

namespace Enc.Cluster.Tests.Infrastructure;

/// <summary>
/// A uniquely named, throwaway database on the PostgreSQL server named by <c>ENC_TEST_POSTGRES</c>;
/// dropped on dispose. Fails (never skips) when the variable is not set.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    /// <summary>The environment variable holding the server's connection string.</summary>
    public const string EnvironmentVariable = "ENC_TEST_POSTGRES";

    private readonly string _serverConnectionString;

    private PostgresDatabase(string serverConnectionString, string name, string connectionString)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>Database name.</summary>
    public string Name { get; }

    /// <summary>Connection string of the new database.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a database named after <paramref name="owner"/> plus a random suffix.</summary>
    public static async Task<PostgresDatabase> CreateAsync(string owner)
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set: this test needs PostgreSQL (e.g. Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres). scripts/test.sh sets it.");
        }

        var name = $"enc_{owner.ToLowerInvariant()}_{Guid.NewGuid():N}"[..40];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\";", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new PostgresDatabase(server, name, builder.ConnectionString);
    }

    /// <summary>Runs a scalar query against the database.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE);", connection);
        await command.ExecuteNonQueryAsync();
    }
}
