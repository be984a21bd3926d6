using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Enc.Crypto.Bls;
using Enc.Crypto.Merkle;
using Enc.Ledger.Batches;
using Enc.Ledger.Receipts;
using Enc.Ledger.Service;
using Enc.Ledger.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Enc.Benchmarks.Ledger;

/// <summary>
/// Load tool (not BenchmarkDotNet): sustained ledger ingest — receipts emitted and batch-signed by nodes,
/// verified and appended by <see cref="LedgerService"/> into PostgreSQL — end to end (emitters on the same
/// machine) and ledger-side only (pre-signed batches), against a raw binary COPY and a raw batched INSERT
/// (the baseline) of the same rows into identical tables with the same commits, in the same run;
/// then full-log verification.
/// Usage: <c>Enc.Benchmarks ledger-ingest [--receipts N] [--batch B] [--nodes K]</c>; the server comes from
/// <c>ENC_BENCH_POSTGRES</c> or <c>ENC_TEST_POSTGRES</c>.
/// </summary>
public static class LedgerIngestBenchmark
{

    /// <summary>The entry columns both raw baselines write, in this order.</summary>
    private const string RawColumns = "position, receipt_id, batch_sequence, batch_index, subject, kind, leaf_hash, encoding";

    /// <summary>Runs the benchmark and prints a Markdown report.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var receipts = Option(args, "--receipts", 200_000);
        var batchSize = Option(args, "--batch", 5_000);
        var nodeCount = Option(args, "--nodes", 4);
        var server = Environment.GetEnvironmentVariable("ENC_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("ENC_TEST_POSTGRES")
            ?? throw new InvalidOperationException("Set ENC_BENCH_POSTGRES (or ENC_TEST_POSTGRES) to a PostgreSQL connection string.");
        var database = $"enc_ledger_bench_{Guid.NewGuid():N}"[..36];
        await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 20 }.ConnectionString;
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await LedgerSchema.MigrateAsync(dataSource);
            await ExecuteAsync(connectionString, "CREATE TABLE raw_entries (LIKE ledger_entries INCLUDING ALL)");
            await ExecuteAsync(connectionString, "CREATE TABLE raw_insert_entries (LIKE ledger_entries INCLUDING ALL)");
            var settings = await SettingsAsync(dataSource);

            var nodes = Enumerable.Range(0, nodeCount).Select(i => new Emitter($"node-{i}")).ToArray();
            using var ledgerKey = BlsSecretKey.FromKeyMaterial(SHA256.HashData("enc-bench-ledger"u8));
            var service = new LedgerService(new PostgresLedgerStore(dataSource), BlsBatchVerifier.Shared, new BlsBatchSigner(ledgerKey), "ledger",
                options: new LedgerOptions { MaxBatchSize = batchSize, CheckpointEveryEntries = 50_000 });
            await service.InitializeAsync();
            foreach (var node in nodes)
            {
                await service.RegisterSignerAsync(node.Name, node.Signer.PublicKey, node.Signer.ProvePossession());
            }

            // Warm-up: JIT (ingest and verification), key caches, connection pool.
            await IngestAsync(service, nodes, batchSize * nodeCount, batchSize);
            var warm = service.Size;
            if (!(await service.VerifyAllAsync()).IsValid)
            {
                throw new InvalidOperationException("Warm-up verification failed.");
            }

            var ingest = await IngestAsync(service, nodes, receipts, batchSize);
            var presigned = Enumerable.Range(0, receipts / batchSize).Select(b => nodes[b % nodes.Length].EmitBatch(batchSize)).ToList();
            var appendOnly = await AppendAllAsync(service, presigned);
            var rows = await LoadRowsAsync(dataSource, warm);
            var raw = await RawCopyAsync(dataSource, rows, batchSize);
            var rawInsert = await RawInsertAsync(dataSource, rows, batchSize);
            var verify = await service.VerifyAllAsync();
            if (!verify.IsValid)
            {
                throw new InvalidOperationException("Verification failed: " + verify);
            }

            var ingestRate = receipts / ingest.TotalSeconds;
            var appendRate = receipts / appendOnly.TotalSeconds;
            var rawRate = rows.Count / raw.TotalSeconds;
            var insertRate = rows.Count / rawInsert.TotalSeconds;
            var verifyRate = verify.EntriesChecked / verify.Elapsed.TotalSeconds;
            Console.WriteLine($"| PostgreSQL | {settings} |");
            Console.WriteLine($"| Receipts | {receipts:N0} in batches of {batchSize:N0} from {nodeCount} nodes (after {warm:N0} warm-up) |");
            Console.WriteLine($"| End to end: emit + sign (4 emitters) + verify + append, durable | {ingestRate:N0} receipts/s ({ingest.TotalSeconds:F2} s), {100 * ingestRate / rawRate:F0} % of raw COPY, {100 * ingestRate / insertRate:F0} % of raw INSERT |");
            Console.WriteLine($"| Ledger side: verify + append of pre-signed batches, durable | {appendRate:N0} receipts/s ({appendOnly.TotalSeconds:F2} s), {100 * appendRate / rawRate:F0} % of raw COPY, {100 * appendRate / insertRate:F0} % of raw INSERT |");
            Console.WriteLine($"| Raw binary COPY of the same rows, same batch commits | {rawRate:N0} rows/s ({raw.TotalSeconds:F2} s) |");
            Console.WriteLine($"| Raw batched INSERT (one INSERT ... SELECT FROM unnest(arrays) per batch) of the same rows, same commits | {insertRate:N0} rows/s ({rawInsert.TotalSeconds:F2} s) |");
            var (outboxPrevious, outboxOnePass) = OutboxEmitterLoad.Run(receipts, batchSize);
            Console.WriteLine($"| Production outbox emitter CPU, previous path (seal, sign, seal + confirm on settlement) | {receipts / outboxPrevious.TotalSeconds:N0} receipts/s ({outboxPrevious.TotalSeconds:F2} s) |");
            Console.WriteLine($"| Production outbox emitter CPU, one pass (SealBatches, confirm with its hashes) | {receipts / outboxOnePass.TotalSeconds:N0} receipts/s ({outboxOnePass.TotalSeconds:F2} s), {outboxPrevious.TotalSeconds / outboxOnePass.TotalSeconds:F2}x the previous path |");
            Console.WriteLine($"| Full verification (VerifyAll) | {verifyRate:N0} receipts/s ({verify.EntriesChecked:N0} entries, {verify.BatchesChecked:N0} batches, {verify.Elapsed.TotalSeconds:F2} s) |");
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    /// <summary>
    /// Each emitter builds and signs its batches on the thread pool (nodes emit concurrently, as separate hosts
    /// would) while the ledger appends them as they come; each node's batches arrive in the node's order.
    /// </summary>
    private static async Task<TimeSpan> IngestAsync(LedgerService service, Emitter[] nodes, int receipts, int batchSize)
    {
        var channel = Channel.CreateBounded<ReceiptBatch>(new BoundedChannelOptions(4) { SingleReader = true });
        var batches = receipts / batchSize;
        var clock = Stopwatch.StartNew();
        var producers = nodes.Select((node, n) => Task.Run(async () =>
        {
            for (var b = n; b < batches; b += nodes.Length)
            {
                await channel.Writer.WriteAsync(node.EmitBatch(batchSize));
            }
        })).ToArray();
        var completion = Task.WhenAll(producers).ContinueWith(t => channel.Writer.Complete(t.Exception), TaskScheduler.Default);
        await AppendInOrderAsync(service, channel.Reader.ReadAllAsync());
        await completion;
        return clock.Elapsed;
    }

    private static async Task<TimeSpan> AppendAllAsync(LedgerService service, List<ReceiptBatch> batches)
    {
        var clock = Stopwatch.StartNew();
        await AppendInOrderAsync(service, batches.ToAsyncEnumerable());
        return clock.Elapsed;
    }

    /// <summary>
    /// Keeps up to four appends in flight, as the ledger grain does with stream batches, so checking, preparing
    /// and writing different batches overlap; results are checked in call order.
    /// </summary>
    private static async Task AppendInOrderAsync(LedgerService service, IAsyncEnumerable<ReceiptBatch> batches)
    {
        var inFlight = new Queue<Task<LedgerAppendResult>>();
        await foreach (var batch in batches)
        {
            inFlight.Enqueue(service.AppendAsync(batch));
            if (inFlight.Count == Enc.Grains.Ledger.LedgerGrain.MaxBatchesInFlight)
            {
                Check(await inFlight.Dequeue());
            }
        }

        while (inFlight.Count > 0)
        {
            Check(await inFlight.Dequeue());
        }

        static void Check(LedgerAppendResult result)
        {
            if (result.Status != LedgerAppendStatus.Appended)
            {
                throw new InvalidOperationException("Append failed: " + result);
            }
        }
    }

    private static async Task<List<StoredEntry>> LoadRowsAsync(NpgsqlDataSource dataSource, long from)
    {
        var rows = new List<StoredEntry>();
        await foreach (var entry in new PostgresLedgerStore(dataSource).ReadEntriesAsync(from))
        {
            rows.Add(entry);
        }

        return rows;
    }

    /// <summary>The baseline: the same rows, binary COPY into an identical table (same indexes), one commit per batch.</summary>
    private static async Task<TimeSpan> RawCopyAsync(NpgsqlDataSource dataSource, List<StoredEntry> rows, int batchSize)
    {
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < rows.Count; start += batchSize)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var writer = await connection.BeginBinaryImportAsync(
                $"COPY raw_entries ({RawColumns}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var e in rows.Skip(start).Take(batchSize))
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(e.Position, NpgsqlDbType.Bigint);
                    await writer.WriteAsync(e.ReceiptId, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(e.BatchSequence, NpgsqlDbType.Bigint);
                    await writer.WriteAsync(e.BatchIndex, NpgsqlDbType.Integer);
                    await writer.WriteAsync(e.Subject, NpgsqlDbType.Text);
                    await writer.WriteAsync((int)e.Kind, NpgsqlDbType.Integer);
                    await writer.WriteAsync(e.LeafHash, NpgsqlDbType.Bytea);
                    await writer.WriteAsync(e.Encoding, NpgsqlDbType.Bytea);
                }

                await writer.CompleteAsync();
            }

            await transaction.CommitAsync();
        }

        return clock.Elapsed;
    }

    /// <summary>
    /// The baseline: the same rows as batched INSERTs into an identical table (same indexes), one
    /// statement and one commit per batch, the rows passed as column arrays (the fastest INSERT form).
    /// </summary>
    private static async Task<TimeSpan> RawInsertAsync(NpgsqlDataSource dataSource, List<StoredEntry> rows, int batchSize)
    {
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < rows.Count; start += batchSize)
        {
            var batch = rows.GetRange(start, Math.Min(batchSize, rows.Count - start));
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = new NpgsqlCommand(
                $"INSERT INTO raw_insert_entries ({RawColumns}) " +
                "SELECT * FROM unnest(@position, @receipt_id, @batch_sequence, @batch_index, @subject, @kind, @leaf_hash, @encoding)",
                connection, transaction);
            void Column<T>(string name, NpgsqlDbType type, Func<StoredEntry, T> value) =>
                command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | type) { Value = batch.Select(value).ToArray() });
            Column("position", NpgsqlDbType.Bigint, e => e.Position);
            Column("receipt_id", NpgsqlDbType.Uuid, e => e.ReceiptId);
            Column("batch_sequence", NpgsqlDbType.Bigint, e => e.BatchSequence);
            Column("batch_index", NpgsqlDbType.Integer, e => e.BatchIndex);
            Column("subject", NpgsqlDbType.Text, e => e.Subject);
            Column("kind", NpgsqlDbType.Integer, e => (int)e.Kind);
            Column("leaf_hash", NpgsqlDbType.Bytea, e => e.LeafHash);
            Column("encoding", NpgsqlDbType.Bytea, e => e.Encoding);
            if (await command.ExecuteNonQueryAsync() != batch.Count)
            {
                throw new InvalidOperationException("The raw INSERT baseline wrote a different number of rows.");
            }

            await transaction.CommitAsync();
        }

        return clock.Elapsed;
    }

    private static async Task<string> SettingsAsync(NpgsqlDataSource dataSource)
    {
        var values = new List<string>();
        foreach (var setting in new[] { "server_version", "fsync", "synchronous_commit", "wal_sync_method" })
        {
            await using var command = dataSource.CreateCommand($"SHOW {setting}");
            values.Add($"{setting}={await command.ExecuteScalarAsync()}");
        }

        return string.Join(", ", values);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>A node emitting chained receipts over 10,000 workloads and signing them in batches.</summary>
    private sealed class Emitter
    {
        private const int Subjects = 10_000;
        private readonly Dictionary<string, byte[]> _heads = new(StringComparer.Ordinal);
        private readonly HybridLogicalClock _clock = new(TimeProvider.System);
        private readonly BlsSecretKey _key;
        private readonly string[] _subjects;
        private readonly string _actor;
        private long _next;

        public Emitter(string name)
        {
            Name = name;
            _key = BlsSecretKey.FromKeyMaterial(SHA256.HashData(Encoding.UTF8.GetBytes("enc-bench/" + name)));
            Signer = new BlsBatchSigner(_key);
            _subjects = [.. Enumerable.Range(0, Subjects).Select(i => $"workload/{name}-{i}")];
            _actor = "node/" + name;
        }

        public string Name { get; }

        public BlsBatchSigner Signer { get; }

        /// <summary>Encodes and hashes each receipt once: its hash is both the subject's next chain link and its leaf in the batch root.</summary>
        public ReceiptBatch EmitBatch(int count)
        {
            var builder = new ReceiptBatchBuilder(Signer, count);
            Span<byte> payload = stackalloc byte[sizeof(long)];
            for (var i = 0; i < count; i++)
            {
                var subject = _subjects[_next++ % Subjects];
                BitConverter.TryWriteBytes(payload, _next);
                var timestamp = _clock.Now();
                var receipt = new Receipt
                {
                    Id = Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(timestamp.WallMilliseconds)), // as ReceiptEmitter makes them
                    Kind = ReceiptKind.InstanceStarted,
                    Subject = subject,
                    Actor = _actor,
                    Timestamp = timestamp,
                    PayloadHash = SHA256.HashData(payload),
                    PreviousHash = _heads.GetValueOrDefault(subject) ?? new byte[MerkleHasher.HashSize],
                    SignerPublicKey = Signer.PublicKey,
                };
                _heads[subject] = builder.Add(receipt).ToArray();
            }

            return builder.Sign();
        }
    }
}
