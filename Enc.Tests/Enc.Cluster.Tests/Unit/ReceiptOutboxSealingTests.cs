using Enc.Crypto.Bls;
using Enc.Grains.Receipts;
using Enc.Ledger.Batches;
using Enc.Ledger.Receipts;

namespace Enc.Cluster.Tests.Unit;

/// <summary>
/// The production emitter's one-pass sealing (<see cref="ReceiptOutbox.SealBatches"/>, encoding and hashing each
/// receipt once) against the simple path it replaced (<see cref="ReceiptOutbox.Seal"/>, then
/// <see cref="ReceiptBatch.Sign"/> per chunk, then <see cref="ReceiptOutbox.Confirm(IReadOnlyList{Receipt})"/>):
/// randomized outboxes give byte-identical batches, leaf hashes equal to <see cref="ReceiptBatchBuilder"/>'s, and
/// identical chain heads after confirmation.
/// </summary>
public sealed class ReceiptOutboxSealingTests : IDisposable
{
    private readonly BlsSecretKey _key = BlsSecretKey.Generate();
    private readonly BlsBatchSigner _signer;

    public ReceiptOutboxSealingTests() => _signer = new BlsBatchSigner(_key);

    public void Dispose() => _key.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void SealBatchesEqualsSealThenSignAndConfirmWithItsHashesEqualsConfirmWithTheReceipts(int seed)
    {
        var random = new Random(seed); // fixed seeds: a failure names its case
        var (pending, heads) = RandomOutboxContent(random);
        var maxBatch = random.Next(1, 8);
        var outbox = Outbox(pending, heads);

        var batches = outbox.SealBatches(_signer, maxBatch);
        var reference = outbox.Seal(_signer.PublicKey);
        Assert.Equal(reference.Chunk(maxBatch).Count(), batches.Count);
        foreach (var (batch, chunk) in batches.Zip(reference.Chunk(maxBatch)))
        {
            var simple = ReceiptBatch.Sign(_signer, chunk);
            Assert.Equal(simple.Receipts, batch.Batch.Receipts);
            Assert.Equal(simple.Signature, batch.Batch.Signature);
            Assert.Equal(chunk.Select(r => r.Id), batch.Ids);
            var builder = new ReceiptBatchBuilder(_signer, chunk.Length);
            Assert.Equal(chunk.Select(r => builder.Add(r).ToArray()), batch.Hashes);
            Assert.Equal(chunk.Select(r => ReceiptEncoding.Hash(ReceiptEncoding.Encode(r))), batch.Hashes);
        }

        // Confirm the first k batches both ways: same pending receipts and chain heads.
        var k = random.Next(0, batches.Count + 1);
        var confirmedIds = batches.Take(k).SelectMany(b => b.Ids).ToHashSet();
        var byHashes = Outbox(pending, heads);
        var byReceipts = Outbox(pending, heads);
        Assert.Equal(confirmedIds.Count > 0, byHashes.Confirm(batches.Take(k).SelectMany(b => b.Ids.Zip(b.Hashes)).ToDictionary(p => p.First, p => p.Second)));
        Assert.Equal(confirmedIds.Count > 0, byReceipts.Confirm(byReceipts.Seal(_signer.PublicKey).Where(r => confirmedIds.Contains(r.Id)).ToList()));
        Assert.Equal(byReceipts.Pending.Select(p => p.Id), byHashes.Pending.Select(p => p.Id));
        Assert.Equal(byReceipts.ChainHeads.OrderBy(h => h.Key, StringComparer.Ordinal), byHashes.ChainHeads.OrderBy(h => h.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void ExcludedReceiptsStayOutOfTheBatchesButStillLinkTheChainWithOrWithoutKnownHashes(int seed)
    {
        var random = new Random(seed);
        var (pending, heads) = RandomOutboxContent(random);
        var outbox = Outbox(pending, heads);
        var known = outbox.SealBatches(_signer, 4).SelectMany(b => b.Ids.Zip(b.Hashes)).ToDictionary(p => p.First, p => p.Second);
        var exclude = pending.Where(_ => random.Next(2) == 0).Select(p => p.Id).ToHashSet();

        var withKnown = outbox.SealBatches(_signer, 3, exclude, known);
        var computed = outbox.SealBatches(_signer, 3, exclude);
        var expected = outbox.Seal(_signer.PublicKey).Where(r => !exclude.Contains(r.Id)).Chunk(3).Select(c => ReceiptBatch.Sign(_signer, c)).ToList();
        Assert.Equal(expected.Select(b => b.Receipts), withKnown.Select(b => b.Batch.Receipts));
        Assert.Equal(expected.Select(b => b.Receipts), computed.Select(b => b.Batch.Receipts));
        Assert.Equal(expected.Select(b => b.Signature), withKnown.Select(b => b.Batch.Signature));
        Assert.All(withKnown.SelectMany(b => b.Ids.Zip(b.Hashes)), p => Assert.Equal(known[p.First], p.Second));
    }

    [Fact]
    public void AnEmptyOutboxSealsNoBatchAndConfirmingUnknownIdsChangesNothing()
    {
        var outbox = new ReceiptOutbox();
        Assert.Empty(outbox.SealBatches(_signer, 5));
        Assert.False(outbox.Confirm(new Dictionary<Guid, byte[]> { [Guid.CreateVersion7()] = new byte[32] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => outbox.SealBatches(_signer, 0));
    }

    private static (List<PendingReceipt> Pending, Dictionary<string, byte[]> Heads) RandomOutboxContent(Random random)
    {
        var subjects = Enumerable.Range(0, random.Next(1, 6)).Select(i => $"workload/s{i}").ToArray();
        var heads = subjects.Where(_ => random.Next(2) == 0).ToDictionary(s => s, _ => RandomBytes(random, 32), StringComparer.Ordinal);
        var pending = Enumerable.Range(0, random.Next(1, 25)).Select(i => new PendingReceipt
        {
            Id = new Guid(RandomBytes(random, 16)),
            Kind = ReceiptKind.InstanceStarted,
            Subject = subjects[random.Next(subjects.Length)],
            Actor = "node/n1",
            WallMilliseconds = 1_795_000_000_000 + i,
            Counter = (uint)random.Next(3),
            PayloadHash = RandomBytes(random, 32),
        }).ToList();
        return (pending, heads);
    }

    private static ReceiptOutbox Outbox(List<PendingReceipt> pending, Dictionary<string, byte[]> heads) => new()
    {
        Pending = [.. pending],
        ChainHeads = new Dictionary<string, byte[]>(heads, StringComparer.Ordinal),
    };

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
