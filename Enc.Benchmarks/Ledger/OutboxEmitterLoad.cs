using System.Diagnostics;
using System.Security.Cryptography;
using Enc.Crypto.Bls;
using Enc.Grains.Receipts;
using Enc.Ledger.Batches;
using Enc.Ledger.Receipts;

namespace Enc.Benchmarks.Ledger;

/// <summary>
/// Part of <c>ledger-ingest</c>: the production emitter's CPU work per receipt, through <see cref="ReceiptOutbox"/>
/// as <c>ReceiptEmitter</c> does it, timed both ways in the same run: the previous path (seal for the chain heads,
/// <see cref="ReceiptBatch.Sign"/> encoding again, seal again and confirm encoding again on settlement) and the
/// one-pass path (<see cref="ReceiptOutbox.SealBatches"/>, confirm with its hashes). Each round records a batch of
/// receipts over 10,000 subjects, signs it and confirms it; both paths' batches are checked byte-identical.
/// </summary>
public static class OutboxEmitterLoad
{
    private const int Subjects = 10_000;

    /// <summary>Times <paramref name="receipts"/> receipts in batches of <paramref name="batchSize"/> both ways (previous, one pass).</summary>
    public static (TimeSpan Previous, TimeSpan OnePass) Run(int receipts, int batchSize)
    {
        using var key = BlsSecretKey.FromKeyMaterial(SHA256.HashData("enc-bench/outbox"u8));
        var signer = new BlsBatchSigner(key);
        var rounds = receipts / batchSize;
        Check(signer, batchSize);
        Time(signer, rounds, batchSize, Previous); // warm-up (JIT) of both paths
        Time(signer, rounds, batchSize, OnePass);
        return (Time(signer, rounds, batchSize, Previous), Time(signer, rounds, batchSize, OnePass));
    }

    private static void Previous(ReceiptOutbox outbox, IBatchSigner signer, int batchSize)
    {
        foreach (var chunk in outbox.Seal(signer.PublicKey).Chunk(batchSize))
        {
            GC.KeepAlive(ReceiptBatch.Sign(signer, chunk));
        }

        outbox.Confirm(outbox.Seal(signer.PublicKey));
    }

    private static void OnePass(ReceiptOutbox outbox, IBatchSigner signer, int batchSize)
    {
        var hashes = new Dictionary<Guid, byte[]>();
        foreach (var batch in outbox.SealBatches(signer, batchSize))
        {
            for (var i = 0; i < batch.Ids.Count; i++)
            {
                hashes[batch.Ids[i]] = batch.Hashes[i];
            }
        }

        outbox.Confirm(hashes);
    }

    private static TimeSpan Time(IBatchSigner signer, int rounds, int batchSize, Action<ReceiptOutbox, IBatchSigner, int> emit)
    {
        var outbox = new ReceiptOutbox();
        var next = 0L;
        var clock = new Stopwatch();
        for (var r = 0; r < rounds; r++)
        {
            Record(outbox, batchSize, ref next); // recording happens in the grain's operation, outside this comparison
            clock.Start();
            emit(outbox, signer, batchSize);
            clock.Stop();
        }

        return clock.Elapsed;
    }

    private static void Check(IBatchSigner signer, int batchSize)
    {
        var a = new ReceiptOutbox();
        var next = 0L;
        Record(a, batchSize * 2, ref next);
        var b = new ReceiptOutbox { Pending = [.. a.Pending] };
        var previous = a.Seal(signer.PublicKey).Chunk(batchSize).Select(c => ReceiptBatch.Sign(signer, c).Receipts).SelectMany(r => r);
        var onePass = b.SealBatches(signer, batchSize).SelectMany(s => s.Batch.Receipts);
        if (!previous.SequenceEqual(onePass, ByteArrayComparer.Instance))
        {
            throw new InvalidOperationException("The one-pass outbox batches differ from the previous path's.");
        }
    }

    private static void Record(ReceiptOutbox outbox, int count, ref long next)
    {
        var payload = new byte[sizeof(long)];
        for (var i = 0; i < count; i++, next++)
        {
            BitConverter.TryWriteBytes(payload, next);
            outbox.Add(new PendingReceipt
            {
                Id = Guid.CreateVersion7(),
                Kind = ReceiptKind.InstanceStarted,
                Subject = $"workload/bench-{next % Subjects}",
                Actor = "node/bench",
                WallMilliseconds = 1_795_000_000_000 + next,
                Counter = 0,
                PayloadHash = SHA256.HashData(payload),
            });
        }
    }

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public static readonly ByteArrayComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj.Length;
    }
}
