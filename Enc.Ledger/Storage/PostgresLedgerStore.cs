using Enc.Crypto.Merkle;
using Enc.Ledger.Batches;
using Enc.Ledger.Receipts;
using Npgsql;
using NpgsqlTypes;

namespace Enc.Ledger.Storage;

/// <summary>
/// The ledger in PostgreSQL (schema: <see cref="LedgerSchema"/>, <c>docs/ledger.md</c>). Appends run in one
/// transaction under an advisory lock, write entries and nodes with binary COPY, and check that the ledger
/// has not moved since the caller computed positions; a duplicate receipt id aborts the whole append.
/// </summary>
public sealed partial class PostgresLedgerStore : ILedgerStore
{
    private const long AppendLockKey = 0x454E_434C_4544_4752; // "ENCLEDGR"
    private const string EntryColumns = "position, receipt_id, batch_sequence, batch_index, subject, kind, leaf_hash, encoding";
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates a store over <paramref name="dataSource"/>; the schema must be migrated (<see cref="LedgerSchema.MigrateAsync(NpgsqlDataSource, CancellationToken)"/>).</summary>
    public PostgresLedgerStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <inheritdoc />
    public async Task<long> GetSizeAsync(CancellationToken cancellationToken = default) =>
        await ScalarAsync("SELECT coalesce(max(position) + 1, 0) FROM ledger_entries", cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<long> GetBatchCountAsync(CancellationToken cancellationToken = default) =>
        await ScalarAsync("SELECT coalesce(max(sequence) + 1, 0) FROM ledger_batches", cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task AppendAsync(LedgerAppend append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using (var command = new NpgsqlCommand(
                $"SELECT pg_advisory_xact_lock({AppendLockKey}); " +
                "SELECT coalesce(max(position) + 1, 0), (SELECT coalesce(max(sequence) + 1, 0) FROM ledger_batches) FROM ledger_entries",
                connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var (size, batches) = (reader.GetInt64(0), reader.GetInt64(1));
                if (size != append.ExpectedSize || batches != append.Batch.Sequence)
                {
                    throw new LedgerConflictException(
                        $"Ledger is at size {size} with {batches} batches; the append expected {append.ExpectedSize} and batch {append.Batch.Sequence}.");
                }
            }

            await InsertBatchAsync(connection, append.Batch, cancellationToken).ConfigureAwait(false);
            await CopyEntriesAsync(connection, append.Entries, cancellationToken).ConfigureAwait(false);
            await CopyNodesAsync(connection, append.Nodes, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new LedgerConflictException($"The append conflicts with stored rows ({ex.ConstraintName}): {ex.MessageText}", ex);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<Guid>> FindExistingReceiptsAsync(IReadOnlyCollection<Guid> receiptIds, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT receipt_id FROM ledger_entries WHERE receipt_id = ANY($1)");
        command.Parameters.AddWithValue(receiptIds.ToArray());
        var found = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(reader.GetGuid(0));
        }

        return found;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, byte[]>> GetSubjectHeadsAsync(IReadOnlyCollection<string> subjects, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT s, h.leaf_hash FROM unnest($1::text[]) AS s " +
            "CROSS JOIN LATERAL (SELECT leaf_hash FROM ledger_entries e WHERE e.subject = s ORDER BY e.position DESC LIMIT 1) h");
        command.Parameters.AddWithValue(subjects.Distinct().ToArray());
        var heads = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            heads[reader.GetString(0)] = reader.GetFieldValue<byte[]>(1);
        }

        return heads;
    }

    /// <inheritdoc />
    public async Task<StoredEntry?> GetEntryAsync(Guid receiptId, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {EntryColumns} FROM ledger_entries WHERE receipt_id = $1");
        command.Parameters.AddWithValue(receiptId);
        var entries = await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
        return entries.Count == 0 ? null : entries[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEntry>> GetSubjectHistoryAsync(string subject, long afterPosition, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT {EntryColumns} FROM ledger_entries WHERE subject = $1 AND position > $2 ORDER BY position LIMIT $3");
        command.Parameters.AddWithValue(subject);
        command.Parameters.AddWithValue(afterPosition);
        command.Parameters.AddWithValue(limit);
        return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StoredBatch?> GetBatchAsync(long sequence, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT sequence, signer_public_key, leaf_hashes, root, signature, appended_at_ms FROM ledger_batches WHERE sequence = $1");
        command.Parameters.AddWithValue(sequence);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadBatch(reader) : null;
    }

    /// <inheritdoc />
    public async Task ReadLeafHashesAsync(long first, int count, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT position, leaf_hash FROM ledger_entries WHERE position >= $1 AND position < $2 ORDER BY position");
        command.Parameters.AddWithValue(first);
        command.Parameters.AddWithValue(first + count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var read = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.GetInt64(0) != first + read)
            {
                break;
            }

            reader.GetFieldValue<byte[]>(1).CopyTo(destination.Span[(read * MerkleHasher.HashSize)..]);
            read++;
        }

        if (read != count)
        {
            throw new KeyNotFoundException($"Positions {first}..{first + count - 1} are not all stored.");
        }
    }

    /// <inheritdoc />
    public async Task ReadNodesAsync(IReadOnlyList<MerkleNodeId> ids, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT q.i, n.hash FROM unnest($1::smallint[], $2::bigint[]) WITH ORDINALITY AS q(level, idx, i) " +
            "JOIN ledger_nodes n ON n.level = q.level AND n.idx = q.idx");
        command.Parameters.AddWithValue(ids.Select(i => (short)i.Level).ToArray());
        command.Parameters.AddWithValue(ids.Select(i => i.Index).ToArray());
        var found = new bool[ids.Count];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var slot = (int)reader.GetInt64(0) - 1;
            reader.GetFieldValue<byte[]>(1).CopyTo(destination.Span[(slot * MerkleHasher.HashSize)..]);
            found[slot] = true;
        }

        var missing = Array.IndexOf(found, false);
        if (missing >= 0)
        {
            throw new KeyNotFoundException($"Merkle node {ids[missing]} is not stored.");
        }
    }

    private static async Task InsertBatchAsync(NpgsqlConnection connection, StoredBatch batch, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO ledger_batches (sequence, signer_public_key, leaf_hashes, root, signature, appended_at_ms) VALUES ($1, $2, $3, $4, $5, $6)",
            connection);
        command.Parameters.AddWithValue(batch.Sequence);
        command.Parameters.AddWithValue(batch.SignerPublicKey);
        command.Parameters.AddWithValue(batch.LeafHashes);
        command.Parameters.AddWithValue(batch.Root);
        command.Parameters.AddWithValue(batch.Signature);
        command.Parameters.AddWithValue(batch.AppendedAtMilliseconds);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task CopyEntriesAsync(NpgsqlConnection connection, IReadOnlyList<StoredEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY ledger_entries ({EntryColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        foreach (var e in entries)
        {
            await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync(e.Position, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync(e.ReceiptId, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync(e.BatchSequence, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync(e.BatchIndex, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync(e.Subject, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync((int)e.Kind, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync(e.LeafHash, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync(e.Encoding, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
        }

        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task CopyNodesAsync(NpgsqlConnection connection, IReadOnlyList<StoredMerkleNode> nodes, CancellationToken cancellationToken)
    {
        if (nodes.Count == 0)
        {
            return;
        }

        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY ledger_nodes (level, idx, hash) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        foreach (var node in nodes)
        {
            await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync((short)node.Id.Level, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync(node.Id.Index, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync(node.Hash, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
        }

        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static StoredEntry ReadEntry(NpgsqlDataReader reader) => new()
    {
        Position = reader.GetInt64(0),
        ReceiptId = reader.GetGuid(1),
        BatchSequence = reader.GetInt64(2),
        BatchIndex = reader.GetInt32(3),
        Subject = reader.GetString(4),
        Kind = (ReceiptKind)reader.GetInt32(5),
        LeafHash = reader.GetFieldValue<byte[]>(6),
        Encoding = reader.GetFieldValue<byte[]>(7),
    };

    private static StoredBatch ReadBatch(NpgsqlDataReader reader) => new()
    {
        Sequence = reader.GetInt64(0),
        SignerPublicKey = reader.GetFieldValue<byte[]>(1),
        LeafHashes = reader.GetFieldValue<byte[]>(2),
        Root = reader.GetFieldValue<byte[]>(3),
        Signature = reader.GetFieldValue<byte[]>(4),
        AppendedAtMilliseconds = reader.GetInt64(5),
    };

    private static async Task<List<StoredEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<StoredEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(ReadEntry(reader));
        }

        return entries;
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
