using System.Runtime.CompilerServices;
using Enc.Crypto.Merkle;
using Enc.Ledger.Batches;
using Enc.Ledger.Receipts;
using Npgsql;

namespace Enc.Ledger.Storage;

/// <summary>Checkpoints, signer registrations and the full scans used by ledger verification.</summary>
public sealed partial class PostgresLedgerStore
{
    private const string CheckpointColumns = "size, root, timestamp_ms, signer_public_key, signature";

    /// <inheritdoc />
    public async Task AppendCheckpointAsync(SignedCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        await using var command = _dataSource.CreateCommand(
            $"INSERT INTO ledger_checkpoints ({CheckpointColumns}) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (size) DO NOTHING");
        command.Parameters.AddWithValue(checkpoint.Size);
        command.Parameters.AddWithValue(checkpoint.Root);
        command.Parameters.AddWithValue(checkpoint.TimestampMilliseconds);
        command.Parameters.AddWithValue(checkpoint.SignerPublicKey);
        command.Parameters.AddWithValue(checkpoint.Signature);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<SignedCheckpoint?> GetLatestCheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {CheckpointColumns} FROM ledger_checkpoints ORDER BY size DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadCheckpoint(reader) : null;
    }

    /// <inheritdoc />
    public async Task<bool> RegisterSignerAsync(SignerRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        await using var command = _dataSource.CreateCommand(
            "INSERT INTO ledger_signers (public_key, node_id, proof_of_possession, registered_at_ms) VALUES ($1, $2, $3, $4) ON CONFLICT (public_key) DO NOTHING");
        command.Parameters.AddWithValue(registration.PublicKey);
        command.Parameters.AddWithValue(registration.NodeId);
        command.Parameters.AddWithValue(registration.ProofOfPossession);
        command.Parameters.AddWithValue(registration.RegisteredAtMilliseconds);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SignerRegistration>> GetSignersAsync(CancellationToken cancellationToken = default)
    {
        var signers = new List<SignerRegistration>();
        await foreach (var reader in QueryAsync("SELECT public_key, node_id, proof_of_possession, registered_at_ms FROM ledger_signers", cancellationToken).ConfigureAwait(false))
        {
            signers.Add(new SignerRegistration
            {
                PublicKey = reader.GetFieldValue<byte[]>(0),
                NodeId = reader.GetString(1),
                ProofOfPossession = reader.GetFieldValue<byte[]>(2),
                RegisteredAtMilliseconds = reader.GetInt64(3),
            });
        }

        return signers;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredBatch> ReadBatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var reader in QueryAsync(
            "SELECT sequence, signer_public_key, leaf_hashes, root, signature, appended_at_ms FROM ledger_batches ORDER BY sequence", cancellationToken).ConfigureAwait(false))
        {
            yield return ReadBatch(reader);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredEntry> ReadEntriesAsync(long fromPosition, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var exporter = await connection.BeginBinaryExportAsync(
            $"COPY (SELECT {EntryColumns} FROM ledger_entries WHERE position >= {fromPosition} ORDER BY position) TO STDOUT (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false);
        while (await exporter.StartRowAsync(cancellationToken).ConfigureAwait(false) >= 0)
        {
            yield return new StoredEntry
            {
                Position = await exporter.ReadAsync<long>(cancellationToken).ConfigureAwait(false),
                ReceiptId = await exporter.ReadAsync<Guid>(cancellationToken).ConfigureAwait(false),
                BatchSequence = await exporter.ReadAsync<long>(cancellationToken).ConfigureAwait(false),
                BatchIndex = await exporter.ReadAsync<int>(cancellationToken).ConfigureAwait(false),
                Subject = await exporter.ReadAsync<string>(cancellationToken).ConfigureAwait(false),
                Kind = (ReceiptKind)await exporter.ReadAsync<int>(cancellationToken).ConfigureAwait(false),
                LeafHash = await exporter.ReadAsync<byte[]>(cancellationToken).ConfigureAwait(false),
                Encoding = await exporter.ReadAsync<byte[]>(cancellationToken).ConfigureAwait(false),
            };
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredMerkleNode> ReadAllNodesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var reader in QueryAsync("SELECT level, idx, hash FROM ledger_nodes ORDER BY level, idx", cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredMerkleNode(new MerkleNodeId(reader.GetInt16(0), reader.GetInt64(1)), reader.GetFieldValue<byte[]>(2));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SignedCheckpoint> ReadCheckpointsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var reader in QueryAsync($"SELECT {CheckpointColumns} FROM ledger_checkpoints ORDER BY size", cancellationToken).ConfigureAwait(false))
        {
            yield return ReadCheckpoint(reader);
        }
    }

    private static SignedCheckpoint ReadCheckpoint(NpgsqlDataReader reader) => new()
    {
        Size = reader.GetInt64(0),
        Root = reader.GetFieldValue<byte[]>(1),
        TimestampMilliseconds = reader.GetInt64(2),
        SignerPublicKey = reader.GetFieldValue<byte[]>(3),
        Signature = reader.GetFieldValue<byte[]>(4),
    };

    private async IAsyncEnumerable<NpgsqlDataReader> QueryAsync(string sql, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return reader;
        }
    }
}
