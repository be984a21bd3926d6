using Enc.Cluster.Tests.Infrastructure;
using Enc.Crypto.Bls;
using Enc.Grains.Interfaces.Hosting;
using Enc.Grains.Interfaces.Ledger;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Receipts;
using Enc.Ledger.Batches;
using Enc.Ledger.Receipts;
using Enc.Ledger.Service;

namespace Enc.Cluster.Tests.Ledger;

/// <summary>
/// What the ledger grain refuses: registrations whose proof of possession fails (also through node
/// registration), and batches that are forged, wrongly signed, tampered after signing or from unregistered
/// signers; nothing of a refused batch is appended.
/// </summary>
public sealed class LedgerGrainSecurityTests : IAsyncLifetime
{
    private DevTestCluster _cluster = null!;

    private ILedgerGrain Ledger => _cluster.Grains.GetGrain<ILedgerGrain>(ILedgerGrain.DefaultKey);

    public async ValueTask InitializeAsync() => _cluster = await DevTestCluster.StartAsync(1);

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task RegistrationWithAFailingProofOfPossessionIsRefused()
    {
        using var key = BlsSecretKey.Generate();
        using var other = BlsSecretKey.Generate();
        var publicKey = key.PublicKey.ToBytes();
        var wrongProof = other.ProvePossession().ToBytes();       // a valid proof, for another key
        var signatureNotProof = key.Sign("hello"u8).ToBytes();    // a signature, not a proof of possession

        foreach (var proof in new[] { wrongProof, signatureNotProof, new byte[96] })
        {
            var outcome = await Ledger.RegisterSignerAsync("intruder", publicKey, proof);
            Assert.False(outcome.Accepted);
            Assert.Equal(LedgerRejectionReasons.BadProofOfPossession, outcome.Reason);
        }

        Assert.Equal(LedgerRejectionReasons.InvalidPublicKey, (await Ledger.RegisterSignerAsync("intruder", new byte[47], wrongProof)).Reason);
        Assert.DoesNotContain(await Ledger.GetSignersAsync(), s => s.PublicKey.AsSpan().SequenceEqual(publicKey));

        // A node whose key proof fails is not let in.
        var node = _cluster.Grains.GetGrain<INodeGrain>("intruder");
        var error = await Assert.ThrowsAsync<ArgumentException>(() => node.RegisterAsync(Registration(publicKey, wrongProof)));
        Assert.Contains(nameof(NodeRegistration.ProofOfPossession), error.Message, StringComparison.Ordinal);
        Assert.Null(await node.GetAsync());

        // The right proof is accepted, and the node's key shows in its snapshot.
        var joined = await node.RegisterAsync(Registration(publicKey, key.ProvePossession().ToBytes()));
        Assert.Equal(Convert.ToHexStringLower(publicKey), joined.PublicKey);
        Assert.Contains(await Ledger.GetSignersAsync(), s => s.NodeId == "intruder" && s.PublicKey.AsSpan().SequenceEqual(publicKey));
    }

    [Fact]
    public async Task ForgedAndWronglySignedBatchesAreRejectedAndNothingIsAppended()
    {
        using var registered = BlsSecretKey.Generate();
        using var unregistered = BlsSecretKey.Generate();
        Assert.True((await Ledger.RegisterSignerAsync("honest", registered.PublicKey.ToBytes(), registered.ProvePossession().ToBytes())).Accepted);
        var honest = new BlsBatchSigner(registered);
        var stranger = new BlsBatchSigner(unregistered);
        var before = (await Ledger.GetHeadAsync()).Size;

        // 1. Signed by a key the ledger never registered.
        var outsider = ReceiptBatch.Sign(stranger, [Receipt(stranger.PublicKey, "workload/default/a")]);
        await AssertRejectedAsync(Message(outsider), LedgerRejectionReasons.UnregisteredSigner);

        // 2. Claims the registered key but is signed by another one.
        var forged = ReceiptBatch.Sign(stranger, [Receipt(stranger.PublicKey, "workload/default/b")]);
        var claimsHonest = ReceiptBatch.Sign(honest, [Receipt(honest.PublicKey, "workload/default/b")]);
        await AssertRejectedAsync(Message(claimsHonest) with { Signature = forged.Signature }, LedgerRejectionReasons.BadSignature);

        // 3. Honestly signed, then one receipt byte changed (its actor).
        var valid = ReceiptBatch.Sign(honest, [Receipt(honest.PublicKey, "workload/default/c"), Receipt(honest.PublicKey, "workload/default/d")]);
        var tampered = valid.Receipts.Select(r => (byte[])r.Clone()).ToList();
        tampered[1][^1] ^= 0x01;
        await AssertRejectedAsync(Message(valid) with { Receipts = tampered }, LedgerRejectionReasons.BadSignature);

        // 4. A receipt naming another signer than the batch.
        var mixed = ReceiptBatch.Sign(honest, [Receipt(honest.PublicKey, "workload/default/e")]);
        var foreignReceipt = ReceiptEncoding.Encode(Receipt(stranger.PublicKey, "workload/default/e"));
        await AssertRejectedAsync(Message(mixed) with { Receipts = [foreignReceipt] }, LedgerRejectionReasons.SignerMismatch);

        Assert.Equal(before, (await Ledger.GetHeadAsync()).Size);
        Assert.Empty(await Ledger.GetHistoryAsync("workload/default/c", -1, 10));

        // The untampered batch is accepted, once: a redelivery appends nothing.
        var appended = await Ledger.AppendAsync(Message(valid));
        Assert.True(appended.Accepted);
        Assert.Equal(2, appended.AppendedCount);
        var again = await Ledger.AppendAsync(Message(valid));
        Assert.True(again.Accepted);
        Assert.Equal((0, 2), (again.AppendedCount, again.DuplicateCount));
        Assert.Single(await Ledger.GetHistoryAsync("workload/default/c", -1, 10));
        Assert.True((await Ledger.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task ForgedBatchesArrivingOnTheReceiptStreamAreRejectedAndNothingIsAppended()
    {
        using var registered = BlsSecretKey.Generate();
        using var unregistered = BlsSecretKey.Generate();
        Assert.True((await Ledger.RegisterSignerAsync("honest", registered.PublicKey.ToBytes(), registered.ProvePossession().ToBytes())).Accepted);
        var honest = new BlsBatchSigner(registered);
        var stranger = new BlsBatchSigner(unregistered);
        var stream = _cluster.Cluster.Client.GetStreamProvider(EncProviderNames.Streams)
            .GetStream<ReceiptBatchMessage>(StreamId.Create(LedgerStreams.Namespace, LedgerStreams.Key));

        // Published as an emitter would, in this order: an outsider's batch, a batch claiming the registered key
        // with another key's signature, a tampered batch, then one valid batch.
        var forged = ReceiptBatch.Sign(stranger, [Receipt(stranger.PublicKey, "workload/default/s-b")]);
        var claimsHonest = ReceiptBatch.Sign(honest, [Receipt(honest.PublicKey, "workload/default/s-b")]);
        var tampered = ReceiptBatch.Sign(honest, [Receipt(honest.PublicKey, "workload/default/s-c")]);
        var tamperedReceipts = tampered.Receipts.Select(r => (byte[])r.Clone()).ToList();
        tamperedReceipts[0][^1] ^= 0x01;
        await stream.OnNextAsync(Message(ReceiptBatch.Sign(stranger, [Receipt(stranger.PublicKey, "workload/default/s-a")])));
        await stream.OnNextAsync(Message(claimsHonest) with { Signature = forged.Signature });
        await stream.OnNextAsync(Message(tampered) with { Receipts = tamperedReceipts });
        await stream.OnNextAsync(Message(ReceiptBatch.Sign(honest, [Receipt(honest.PublicKey, "workload/default/s-d")])));

        // The ledger appends in arrival order: once the valid batch is in, the ones before it were decided.
        await Eventually.WaitAsync(() => Ledger.GetHistoryAsync("workload/default/s-d", -1, 10), h => h.Count == 1, TimeSpan.FromSeconds(30), "the valid batch");
        foreach (var subject in new[] { "workload/default/s-a", "workload/default/s-b", "workload/default/s-c" })
        {
            Assert.Empty(await Ledger.GetHistoryAsync(subject, -1, 10));
        }

        Assert.True((await Ledger.VerifyAsync()).IsValid);
    }

    private async Task AssertRejectedAsync(ReceiptBatchMessage message, string reason)
    {
        var outcome = await Ledger.AppendAsync(message);
        Assert.False(outcome.Accepted);
        Assert.Equal(reason, outcome.Reason);
        Assert.Equal(0, outcome.AppendedCount);
    }

    private static ReceiptBatchMessage Message(ReceiptBatch batch) => new()
    {
        SignerNodeId = "test",
        SignerPublicKey = batch.SignerPublicKey,
        Receipts = batch.Receipts,
        Signature = batch.Signature,
    };

    private static Receipt Receipt(byte[] signer, string subject) => new PendingReceipt
    {
        Id = Guid.CreateVersion7(),
        Kind = ReceiptKind.WorkloadSubmitted,
        Subject = subject,
        Actor = "client/test",
        WallMilliseconds = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        Counter = 0,
        PayloadHash = ReceiptPayload.Of(("workload", subject)).Hash(),
    }.ToReceipt(new byte[ReceiptEncoding.HashSize], signer);

    private static NodeRegistration Registration(byte[] publicKey, byte[] proof) => new()
    {
        Capabilities = new NodeCapabilities { Drivers = ["process"], OperatingSystem = "linux", Architecture = "x64", Labels = new Dictionary<string, string>(), Zone = "", Region = "" },
        Capacity = new ResourceQuantities { CpuMillicores = 1000, MemoryBytes = 1 << 30, DiskBytes = 1 << 30, NetworkBitsPerSecond = 1_000_000 },
        Address = "127.0.0.1:1",
        ConsensusWeight = 1,
        PublicKey = publicKey,
        ProofOfPossession = proof,
    };
}
