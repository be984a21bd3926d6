using Npgsql;

namespace Enc.Silo.Database;

/// <summary>
/// Applies ENC's schema scripts to a PostgreSQL database. Each pending script runs in its own
/// transaction together with its row in <c>enc_schema_history</c>, under an advisory lock, so a
/// failed script leaves nothing half-applied, concurrent migrators serialize, and a second run is
/// a no-op. An applied script whose text changed since is reported as an error, never re-run.
/// </summary>
public sealed class SchemaMigrator(IReadOnlyList<SchemaScript> scripts)
{
    /// <summary>Advisory lock key shared by every migrator ("ENC" schema).</summary>
    public const long LockKey = 0x454E_4353_4348_454D;

    /// <summary>A migrator over the scripts embedded in Enc.Silo.</summary>
    public static SchemaMigrator Default { get; } = new(SchemaScript.LoadEmbedded(typeof(SchemaMigrator).Assembly));

    /// <summary>The scripts this migrator knows, in order.</summary>
    public IReadOnlyList<SchemaScript> Scripts { get; } = scripts;

    /// <summary>Applies every pending script; returns the ones applied by this call.</summary>
    public async Task<IReadOnlyList<SchemaScript>> MigrateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var applied = new List<SchemaScript>();
        foreach (var script in Scripts)
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, tx, $"SELECT pg_advisory_xact_lock({LockKey});", cancellationToken);
            await ExecuteAsync(connection, tx, """
                CREATE TABLE IF NOT EXISTS enc_schema_history (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now());
                """, cancellationToken);
            var recorded = await RecordedChecksumAsync(connection, tx, script.Version, cancellationToken);
            if (recorded is not null)
            {
                if (recorded != script.Checksum)
                {
                    throw new InvalidOperationException(
                        $"Schema script {script.Name} was applied with checksum {recorded} but now has {script.Checksum}; applied scripts must not change (add a new script instead).");
                }

                await tx.CommitAsync(cancellationToken);
                continue;
            }

            await ExecuteAsync(connection, tx, script.Sql, cancellationToken);
            await using (var insert = new NpgsqlCommand("INSERT INTO enc_schema_history (version, name, checksum) VALUES (@v, @n, @c);", connection, tx))
            {
                insert.Parameters.AddWithValue("v", script.Version);
                insert.Parameters.AddWithValue("n", script.Name);
                insert.Parameters.AddWithValue("c", script.Checksum);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
            applied.Add(script);
        }

        return applied;
    }

    /// <summary>Versions recorded as applied in the database, ascending; empty when never migrated.</summary>
    public static async Task<IReadOnlyList<int>> AppliedVersionsAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT version FROM enc_schema_history WHERE to_regclass('enc_schema_history') IS NOT NULL ORDER BY version;", connection);
        var versions = new List<int>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                versions.Add(reader.GetInt32(0));
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
        }

        return versions;
    }

    private static async Task<string?> RecordedChecksumAsync(NpgsqlConnection connection, NpgsqlTransaction tx, int version, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT checksum FROM enc_schema_history WHERE version = @v;", connection, tx);
        command.Parameters.AddWithValue("v", version);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
