using System.Reflection;
using Npgsql;

namespace Enc.Ledger.Storage;

/// <summary>
/// Creates and upgrades the ledger's PostgreSQL schema from the versioned scripts embedded in this assembly
/// (<c>Storage/Schema/NNNN_name.sql</c>). Idempotent and safe to run from several processes at once: each
/// version is applied once, in its own transaction, under an advisory lock, and recorded in
/// <c>ledger_schema_versions</c>.
/// </summary>
public static class LedgerSchema
{
    /// <summary>The newest schema version this build knows.</summary>
    public static int LatestVersion => Scripts.Value[^1].Version;

    private const long MigrationLockKey = 0x454E_434C_4D49_4752; // "ENCLMIGR"

    private static readonly Lazy<(int Version, string Name, string Sql)[]> Scripts = new(LoadScripts);

    /// <summary>Applies every missing schema version to the database named by <paramref name="connectionString"/>.</summary>
    /// <returns>The versions applied by this call (empty when the schema was current).</returns>
    public static async Task<IReadOnlyList<int>> MigrateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        return await MigrateAsync(dataSource, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies every missing schema version through <paramref name="dataSource"/>.</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var applied = new List<int>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (version, name, sql) in Scripts.Value)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await Execute(connection, $"SELECT pg_advisory_xact_lock({MigrationLockKey})", cancellationToken).ConfigureAwait(false);
            await Execute(connection,
                "CREATE TABLE IF NOT EXISTS ledger_schema_versions (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
                cancellationToken).ConfigureAwait(false);
            await using (var check = new NpgsqlCommand("SELECT 1 FROM ledger_schema_versions WHERE version = $1", connection))
            {
                check.Parameters.AddWithValue(version);
                if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            await Execute(connection, sql, cancellationToken).ConfigureAwait(false);
            await using (var record = new NpgsqlCommand("INSERT INTO ledger_schema_versions (version, name) VALUES ($1, $2)", connection))
            {
                record.Parameters.AddWithValue(version);
                record.Parameters.AddWithValue(name);
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            applied.Add(version);
        }

        return applied;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static (int, string, string)[] LoadScripts()
    {
        const string prefix = "Enc.Ledger.Schema.";
        var assembly = Assembly.GetExecutingAssembly();
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var name = resource[prefix.Length..^".sql".Length];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add((int.Parse(name[..name.IndexOf('_')], System.Globalization.CultureInfo.InvariantCulture), name, reader.ReadToEnd()));
        }

        if (scripts.Count == 0)
        {
            throw new InvalidOperationException("No ledger schema scripts are embedded in Enc.Ledger.");
        }

        return [.. scripts.OrderBy(s => s.Item1)];
    }
}
