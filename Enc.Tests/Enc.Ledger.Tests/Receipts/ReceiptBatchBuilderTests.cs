using Enc.Ledger.Batches;
using Enc.Ledger.Receipts;
using Enc.Ledger.Tests.Infrastructure;

namespace Enc.Ledger.Tests.Receipts;

/// <summary><see cref="ReceiptBatchBuilder"/> (encode and hash each receipt once) against the straightforward encode-then-sign.</summary>
public sealed class ReceiptBatchBuilderTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 2)]
    [InlineData(33, 4)] // grows past its initial capacity
    public void BuildsTheSameBatchAsEncodingThenSigning(int count, int capacity)
    {
        using var node = new TestNode("builder");
        var receipts = node.EmitMany(count, subjects: 3);
        var builder = new ReceiptBatchBuilder(node.Signer, capacity);
        foreach (var receipt in receipts)
        {
            var hash = builder.Add(receipt).ToArray();
            Assert.Equal(ReceiptEncoding.Hash(ReceiptEncoding.Encode(receipt)), hash);
        }

        var built = builder.Sign();
        var expected = new ReceiptBatch
        {
            SignerPublicKey = node.PublicKey,
            Receipts = [.. receipts.Select(ReceiptEncoding.Encode)],
            Signature = node.Signer.Sign(LedgerSigningMessages.Batch(count, ReceiptBatch.ComputeRoot([.. receipts.SelectMany(r => ReceiptEncoding.Hash(ReceiptEncoding.Encode(r)))]))),
        };
        Assert.Equal(count, builder.Count);
        Assert.Equal(expected.Receipts, built.Receipts);
        Assert.Equal(expected.Signature, built.Signature);
        Assert.Equal(expected.SignerPublicKey, built.SignerPublicKey);
    }

    [Fact]
    public void RefusesAnEmptyBatchAndReceiptsOfAnotherSigner()
    {
        using var node = new TestNode("builder");
        using var other = new TestNode("other");
        var builder = new ReceiptBatchBuilder(node.Signer);
        Assert.Throws<InvalidOperationException>(builder.Sign);
        Assert.Throws<ArgumentException>(() => builder.Add(other.Emit("workload/x")));
        Assert.Equal(0, builder.Count);
    }
}
