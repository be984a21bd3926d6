using Enc.Ledger.Service;
using Enc.Ledger.Storage;
using Enc.Ledger.Tests.Infrastructure;
using Npgsql;

namespace Enc.Ledger.Tests.Storage;

/// <summary>
/// What the database itself guarantees (append-only triggers, idempotent migrations) and what verification
/// finds when someone with superuser rights edits rows behind the triggers' back.
/// </summary>
public sealed class PostgresLedgerTamperTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly string[] Tables = ["ledger_entries", "ledger_batches", "ledger_nodes", "ledger_checkpoints", "ledger_signers"];

    public static TheoryData<string, string, long, string> Tamperings => new()
    {
        // description, SQL run with triggers disabled, expected first bad position, expected failure
        { "a byte of a receipt encoding", "UPDATE ledger_entries SET encoding = set_byte(encoding, 60, get_byte(encoding, 60) # 1) WHERE position = 123", 123, LedgerAuditFailures.LeafHashMismatch },
        { "encoding and leaf hash rewritten consistently", "UPDATE ledger_entries SET encoding = set_byte(encoding, 60, get_byte(encoding, 60) # 1) WHERE position = 77; " +
            "UPDATE ledger_entries SET leaf_hash = sha256('\\x00'::bytea || encoding) WHERE position = 77", 77, LedgerAuditFailures.NotInBatch },
        { "a byte of a stored leaf hash", "UPDATE ledger_entries SET leaf_hash = set_byte(leaf_hash, 0, get_byte(leaf_hash, 0) # 128) WHERE position = 400", 400, LedgerAuditFailures.LeafHashMismatch },
        { "the subject column", "UPDATE ledger_entries SET subject = 'workload/other' WHERE position = 5", 5, LedgerAuditFailures.ColumnMismatch },
        { "a deleted entry", "DELETE FROM ledger_entries WHERE position = 250", 250, LedgerAuditFailures.PositionGap },
        { "a batch signature", "UPDATE ledger_batches SET signature = set_byte(signature, 10, get_byte(signature, 10) # 1) WHERE sequence = 1", 300, LedgerAuditFailures.BadBatch },
        { "a batch leaf hash list", "UPDATE ledger_batches SET leaf_hashes = set_byte(leaf_hashes, 33, get_byte(leaf_hashes, 33) # 1) WHERE sequence = 0", 0, LedgerAuditFailures.BadBatch },
        { "a stored Merkle node", "UPDATE ledger_nodes SET hash = set_byte(hash, 31, get_byte(hash, 31) # 1) WHERE level = 8 AND idx = 1", 511, LedgerAuditFailures.NodeMismatch },
        { "a checkpoint root", "UPDATE ledger_checkpoints SET root = set_byte(root, 0, get_byte(root, 0) # 1) WHERE size = 300", 299, LedgerAuditFailures.BadCheckpoint },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task TamperingWithAStoredRowIsFoundAndNamed(string description, string sql, long position, string failure)
    {
        var dataSource = await database.CreateLedgerSchemaAsync();
        using var h = await LedgerHarness.StartAsync(new PostgresLedgerStore(dataSource));
        await h.AppendAsync(300);
        await h.Service.CheckpointAsync();
        await h.AppendAsync(300);
        await h.Service.CheckpointAsync();
        Assert.True((await h.Service.VerifyAllAsync()).IsValid);

        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            // A superuser can switch triggers off; the ledger must still notice.
            await using var command = new NpgsqlCommand($"SET session_replication_role = replica; {sql}; SET session_replication_role = origin", connection);
            await command.ExecuteNonQueryAsync();
        }

        var report = await h.Service.VerifyAllAsync();
        Assert.False(report.IsValid, description);
        Assert.True(position == report.FirstBadPosition && failure == report.Failure, $"{description}: {report}");
    }

    [Fact]
    public async Task UpdateDeleteAndTruncateAreRefusedByTheDatabase()
    {
        var dataSource = await database.CreateLedgerSchemaAsync();
        using var h = await LedgerHarness.StartAsync(new PostgresLedgerStore(dataSource));
        await h.AppendAsync(300);
        await h.Service.CheckpointAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var table in Tables)
        {
            var rows = await CountAsync(connection, table);
            Assert.True(rows > 0, table);
            foreach (var statement in new[] { $"UPDATE {table} SET {FirstColumn(table)} = {FirstColumn(table)}", $"DELETE FROM {table}", $"TRUNCATE {table} CASCADE" })
            {
                await using var command = new NpgsqlCommand(statement, connection);
                var ex = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
                Assert.Equal("EL001", ex.SqlState);
                Assert.Contains("append-only", ex.MessageText, StringComparison.Ordinal);
            }

            Assert.Equal(rows, await CountAsync(connection, table));
        }

        Assert.True((await h.Service.VerifyAllAsync()).IsValid);
    }

    [Fact]
    public async Task MigrationIsIdempotentAndVersioned()
    {
        var dataSource = await database.CreateLedgerSchemaAsync();
        Assert.Empty(await LedgerSchema.MigrateAsync(dataSource));
        await using var command = dataSource.CreateCommand("SELECT max(version) FROM ledger_schema_versions");
        Assert.Equal(LedgerSchema.LatestVersion, (int)(await command.ExecuteScalarAsync())!);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => LedgerSchema.MigrateAsync(dataSource)));
    }

    [Fact]
    public async Task ASecondWriterCannotAppendAtAStaleSize()
    {
        var dataSource = await database.CreateLedgerSchemaAsync();
        using var h = await LedgerHarness.StartAsync(new PostgresLedgerStore(dataSource));
        var other = LedgerHarness.NewService(new PostgresLedgerStore(dataSource), h.LedgerNode);
        await other.InitializeAsync();
        await h.AppendAsync(10);

        // The second service still believes the ledger is empty; it must reload, not overwrite position 0.
        var result = await other.AppendAsync(h.Worker.Sign(h.Worker.EmitMany(5)));
        Assert.Equal(LedgerAppendStatus.Appended, result.Status);
        Assert.Equal(10L, result.FirstPosition);
        Assert.True((await other.VerifyAllAsync()).IsValid);
    }

    private static string FirstColumn(string table) => table switch
    {
        "ledger_entries" => "position",
        "ledger_batches" => "sequence",
        "ledger_nodes" => "level",
        "ledger_checkpoints" => "size",
        _ => "public_key",
    };

    private static async Task<long> CountAsync(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
