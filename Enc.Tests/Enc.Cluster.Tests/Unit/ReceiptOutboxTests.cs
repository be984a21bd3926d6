using Enc.Crypto.Bls;
using Enc.Grains.Receipts;
using Enc.Ledger.Receipts;

namespace Enc.Cluster.Tests.Unit;

/// <summary>The outbox's sealing (per-subject chain from confirmed heads), confirmation and head reset, without a cluster.</summary>
public sealed class ReceiptOutboxTests
{
    private static readonly byte[] KeyA = Key();
    private static readonly byte[] KeyB = Key();

    [Fact]
    public void SealingChainsEachSubjectFromItsConfirmedHeadAndIsDeterministic()
    {
        var outbox = new ReceiptOutbox();
        outbox.Add(Pending("workload/a"));
        outbox.Add(Pending("instance/x"));
        outbox.Add(Pending("workload/a"));

        var sealedOnce = outbox.Seal(KeyA);
        Assert.Equal(new byte[32], sealedOnce[0].PreviousHash);
        Assert.Equal(new byte[32], sealedOnce[1].PreviousHash);
        Assert.Equal(Hash(sealedOnce[0]), sealedOnce[2].PreviousHash);
        Assert.Equal(sealedOnce.Select(ReceiptEncoding.Encode), outbox.Seal(KeyA).Select(ReceiptEncoding.Encode));
        Assert.All(outbox.Seal(KeyB), r => Assert.Equal(KeyB, r.SignerPublicKey));
        Assert.Single(outbox.Seal(KeyA, max: 1));
    }

    [Fact]
    public void ConfirmingRemovesReceiptsAndMovesTheHeadSoLaterReceiptsLinkToThem()
    {
        var outbox = new ReceiptOutbox();
        outbox.Add(Pending("workload/a"));
        outbox.Add(Pending("workload/a"));
        var first = outbox.Seal(KeyA);

        Assert.True(outbox.Confirm([first[0]]));
        Assert.False(outbox.Confirm([first[0]])); // a second outcome for the same batch changes nothing
        Assert.Equal(Hash(first[0]), outbox.ChainHeads["workload/a"]);
        var remaining = Assert.Single(outbox.Seal(KeyA));
        Assert.Equal(ReceiptEncoding.Encode(first[1]), ReceiptEncoding.Encode(remaining));

        outbox.Add(Pending("workload/a"));
        Assert.True(outbox.Confirm(outbox.Seal(KeyA)));
        Assert.False(outbox.HasPending);
    }

    [Fact]
    public void ResettingHeadsAdoptsTheLedgersViewAndForgetsSubjectsItDoesNotKnow()
    {
        var outbox = new ReceiptOutbox();
        outbox.ChainHeads["workload/a"] = [.. Enumerable.Repeat((byte)1, 32)];
        outbox.ChainHeads["workload/b"] = [.. Enumerable.Repeat((byte)2, 32)];
        var ledgerHead = Enumerable.Repeat((byte)9, 32).ToArray();

        outbox.ResetHeads(["workload/a", "workload/b"], new Dictionary<string, byte[]> { ["workload/a"] = ledgerHead });
        outbox.Add(Pending("workload/a"));
        outbox.Add(Pending("workload/b"));

        var sealedReceipts = outbox.Seal(KeyA);
        Assert.Equal(ledgerHead, sealedReceipts[0].PreviousHash);
        Assert.Equal(new byte[32], sealedReceipts[1].PreviousHash);
    }

    [Fact]
    public void PayloadEncodingIsCanonicalWhateverTheFieldOrder()
    {
        var a = ReceiptPayload.Of(("workload", "default/web"), ("event", "Submitted"), ("note", null));
        var b = ReceiptPayload.Of(("note", ""), ("event", "Submitted"), ("workload", "default/web"));
        Assert.Equal(a.Encode(), b.Encode());
        Assert.Equal(a.Hash(), b.Hash());
        Assert.NotEqual(a.Hash(), ReceiptPayload.Of(("workload", "default/web"), ("event", "Updated"), ("note", null)).Hash());
        Assert.StartsWith("ENC/payload/v1\0", System.Text.Encoding.ASCII.GetString(a.Encode()), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ReceiptPayload.Of(("x", "1"), ("x", "2")));
    }

    private static PendingReceipt Pending(string subject) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = ReceiptKind.WorkloadUpdated,
        Subject = subject,
        Actor = "node/n1",
        WallMilliseconds = 1_795_000_000_000,
        Counter = 0,
        PayloadHash = new byte[32],
    };

    private static byte[] Hash(Receipt receipt) => ReceiptEncoding.Hash(ReceiptEncoding.Encode(receipt));

    private static byte[] Key()
    {
        using var key = BlsSecretKey.Generate();
        return key.PublicKey.ToBytes();
    }
}
