using Enc.Ledger.Receipts;
using Enc.Ledger.Service;
using Enc.Ledger.Storage;
using Enc.Ledger.Tests.Infrastructure;
using Enc.Ledger.Verification;

namespace Enc.Ledger.Tests.Service;

/// <summary>The ledger's behaviour, run against every store (PostgreSQL and in-memory subclasses).</summary>
public abstract class LedgerServiceContractTests
{
    private protected abstract Task<ILedgerStore> CreateStoreAsync();

    [Fact]
    public async Task EveryReceiptIsVerifiableOfflineWithItsBatchSignatureAndInclusionPath()
    {
        using var h = await LedgerHarness.StartAsync(await CreateStoreAsync());
        var receipts = new List<Receipt>();
        foreach (var size in new[] { 100, 200, 300 })
        {
            var batch = h.Worker.EmitMany(size);
            receipts.AddRange(batch);
            await h.Service.AppendAsync(h.Worker.Sign(batch));
        }

        Assert.Equal(600, h.Service.Size);
        var verifier = h.ClientVerifier;
        foreach (var index in new[] { 0, 99, 255, 256, 300, 511, 512, 599 })
        {
            var proof = await h.Service.GetReceiptAsync(receipts[index].Id);
            Assert.NotNull(proof);
            Assert.Equal(index, proof.Position);
            Assert.Equal(ReceiptEncoding.Encode(receipts[index]), proof.Encoding);
            Assert.True(verifier.VerifyReceipt(proof, proof.Checkpoint).IsValid, $"receipt {index}");

            var flipped = proof.LedgerPath.Select(p => p.ToArray()).ToArray();
            flipped[^1][0] ^= 1;
            Assert.Equal(LedgerCheckFailures.NotIncluded, verifier.VerifyReceipt(new ReceiptProof
            {
                Encoding = proof.Encoding, BatchSignerPublicKey = proof.BatchSignerPublicKey, BatchSize = proof.BatchSize, BatchIndex = proof.BatchIndex,
                BatchPath = proof.BatchPath, BatchSignature = proof.BatchSignature, Position = proof.Position, LedgerPath = flipped, Checkpoint = proof.Checkpoint,
            }, proof.Checkpoint).Failure);
            var wrongReceipt = proof.Encoding.ToArray();
            wrongReceipt[40] ^= 1;
            Assert.Equal(LedgerCheckFailures.BadBatchSignature, verifier.VerifyReceipt(new ReceiptProof
            {
                Encoding = wrongReceipt, BatchSignerPublicKey = proof.BatchSignerPublicKey, BatchSize = proof.BatchSize, BatchIndex = proof.BatchIndex,
                BatchPath = proof.BatchPath, BatchSignature = proof.BatchSignature, Position = proof.Position, LedgerPath = proof.LedgerPath, Checkpoint = proof.Checkpoint,
            }, proof.Checkpoint).Failure);
        }

        var any = await h.Service.GetReceiptAsync(receipts[7].Id);
        Assert.Equal(LedgerCheckFailures.UntrustedSigner, new LedgerVerifier([h.LedgerNode.PublicKey]).VerifyReceipt(any!, any!.Checkpoint).Failure);
        Assert.Null(await h.Service.GetReceiptAsync(Guid.NewGuid()));
        Assert.True((await h.Service.VerifyAllAsync()).IsValid);
    }

    [Fact]
    public async Task RedeliveredReceiptsAreNotDuplicated()
    {
        using var h = await LedgerHarness.StartAsync(await CreateStoreAsync());
        var first = h.Worker.EmitMany(5, subjects: 2);
        var batch = h.Worker.Sign(first);
        Assert.Equal(LedgerAppendStatus.Appended, (await h.Service.AppendAsync(batch)).Status);

        var again = await h.Service.AppendAsync(batch);
        Assert.Equal(LedgerAppendStatus.AlreadyPresent, again.Status);
        Assert.Equal(5, again.DuplicateCount);
        Assert.Equal(5, h.Service.Size);

        // An outbox that re-batches after a crash: three old receipts, two new ones.
        var rebatched = h.Worker.Sign([first[2], first[3], first[4], .. h.Worker.EmitMany(2, subjects: 2)]);
        var result = await h.Service.AppendAsync(rebatched);
        Assert.Equal(LedgerAppendStatus.Appended, result.Status);
        Assert.Equal((2, 3, 5L), (result.AppendedCount, result.DuplicateCount, result.FirstPosition!.Value));
        Assert.Equal(7, h.Service.Size);

        var history = await h.Service.GetHistoryAsync("workload/w0");
        Assert.Equal(history.Count, history.Select(e => e.ReceiptId).Distinct().Count());
        var report = await h.Service.VerifyAllAsync();
        Assert.True(report.IsValid, report.ToString());
        Assert.Equal(7, report.EntriesChecked);
    }

    [Fact]
    public async Task ForgedOrWronglySignedBatchesAreRejectedWithNothingAppended()
    {
        using var h = await LedgerHarness.StartAsync(await CreateStoreAsync());
        await h.AppendAsync(3);
        using var intruder = new TestNode("intruder");
        Assert.True((await h.Service.RegisterSignerAsync("intruder", intruder.PublicKey, intruder.Signer.ProvePossession())).Accepted);

        var honest = h.Worker.Sign(h.Worker.EmitMany(4));
        var honestRoot = Batches.ReceiptBatch.ComputeRoot([.. honest.Receipts.SelectMany(r => ReceiptEncoding.Hash(r))]);
        var intruderSignature = intruder.Signer.Sign(Batches.LedgerSigningMessages.Batch(4, honestRoot));
        var forgeries = new (string Desc, Batches.ReceiptBatch Batch, string Reason)[]
        {
            ("signed by another registered node", new() { SignerPublicKey = honest.SignerPublicKey, Receipts = honest.Receipts, Signature = intruderSignature }, LedgerRejectionReasons.BadSignature),
            ("a receipt altered after signing", new() { SignerPublicKey = honest.SignerPublicKey, Receipts = [.. honest.Receipts.Select((r, i) => i == 2 ? Flip(r, 50) : r)], Signature = honest.Signature }, LedgerRejectionReasons.BadSignature),
            ("a receipt dropped", new() { SignerPublicKey = honest.SignerPublicKey, Receipts = honest.Receipts.Take(3).ToList(), Signature = honest.Signature }, LedgerRejectionReasons.BadSignature),
            ("receipts reordered", new() { SignerPublicKey = honest.SignerPublicKey, Receipts = honest.Receipts.Reverse().ToList(), Signature = honest.Signature }, LedgerRejectionReasons.BadSignature),
            ("garbage signature", new() { SignerPublicKey = honest.SignerPublicKey, Receipts = honest.Receipts, Signature = new byte[96] }, LedgerRejectionReasons.BadSignature),
            ("claims another signer", new() { SignerPublicKey = intruder.PublicKey, Receipts = honest.Receipts, Signature = honest.Signature }, LedgerRejectionReasons.SignerMismatch),
            ("truncated receipt", new() { SignerPublicKey = honest.SignerPublicKey, Receipts = [honest.Receipts[0][..100]], Signature = honest.Signature }, LedgerRejectionReasons.MalformedReceipt),
            ("empty", new() { SignerPublicKey = honest.SignerPublicKey, Receipts = [], Signature = honest.Signature }, LedgerRejectionReasons.EmptyBatch),
        };

        foreach (var (desc, batch, reason) in forgeries)
        {
            var result = await h.Service.AppendAsync(batch);
            Assert.True(result.Status == LedgerAppendStatus.Rejected, desc);
            Assert.True(reason == result.Reason, $"{desc}: {result}");
            Assert.Equal(3, await h.Store.GetSizeAsync());
            Assert.Equal(1, await h.Store.GetBatchCountAsync());
        }

        Assert.Equal(LedgerAppendStatus.Appended, (await h.Service.AppendAsync(honest)).Status);
        Assert.True((await h.Service.VerifyAllAsync()).IsValid);
    }

    [Fact]
    public async Task UnregisteredSignersAndBadProofsOfPossessionAreRefused()
    {
        using var h = await LedgerHarness.StartAsync(await CreateStoreAsync());
        using var stranger = new TestNode("stranger");
        var batch = stranger.Sign(stranger.EmitMany(2));
        var result = await h.Service.AppendAsync(batch);
        Assert.Equal(LedgerRejectionReasons.UnregisteredSigner, result.Reason);
        Assert.Equal(0, await h.Store.GetSizeAsync());

        var stolenProof = h.Worker.Signer.ProvePossession();
        Assert.Equal(LedgerRejectionReasons.BadProofOfPossession, (await h.Service.RegisterSignerAsync("stranger", stranger.PublicKey, stolenProof)).Reason);
        Assert.Equal(LedgerRejectionReasons.InvalidPublicKey, (await h.Service.RegisterSignerAsync("stranger", new byte[47], stolenProof)).Reason);
        Assert.Equal(LedgerRejectionReasons.UnregisteredSigner, (await h.Service.AppendAsync(batch)).Reason);

        Assert.True((await h.Service.RegisterSignerAsync("stranger", stranger.PublicKey, stranger.Signer.ProvePossession())).Accepted);
        Assert.Equal(LedgerAppendStatus.Appended, (await h.Service.AppendAsync(batch)).Status);
    }

    [Fact]
    public async Task ReceiptsFormOnePerSubjectChainAndForksAreRejected()
    {
        using var h = await LedgerHarness.StartAsync(await CreateStoreAsync());
        var kinds = Enum.GetValues<ReceiptKind>().Where(k => k != ReceiptKind.Invalid).ToList();
        var receipts = kinds.Select(k => h.Worker.Emit("instance/web-0", k)).ToList();
        await h.Service.AppendAsync(h.Worker.Sign(receipts[..5]));
        await h.Service.AppendAsync(h.Worker.Sign(receipts[5..]));

        var history = await h.Service.GetHistoryAsync("instance/web-0");
        Assert.Equal(kinds, history.Select(e => e.Kind));
        Assert.Equal(receipts.Select(r => r.Id), history.Select(e => e.ReceiptId));
        var previous = new byte[32];
        foreach (var entry in history)
        {
            Assert.Equal(previous, ReceiptEncoding.Decode(entry.Encoding).PreviousHash);
            previous = entry.LeafHash;
        }

        var page = await h.Service.GetHistoryAsync("instance/web-0", afterPosition: history[2].Position, limit: 2);
        Assert.Equal(history.Skip(3).Take(2).Select(e => e.Position), page.Select(e => e.Position));

        var fork = new Receipt
        {
            Id = Guid.NewGuid(), Kind = ReceiptKind.InstanceExited, Subject = "instance/web-0", Actor = "node/worker-1",
            Timestamp = new HybridLogicalTimestamp(1, 0), PayloadHash = new byte[32], PreviousHash = history[1].LeafHash, SignerPublicKey = h.Worker.PublicKey,
        };
        var result = await h.Service.AppendAsync(h.Worker.Sign([fork]));
        Assert.Equal(LedgerRejectionReasons.ChainLinkMismatch, result.Reason);
        Assert.Equal(receipts.Count, await h.Store.GetSizeAsync());
    }

    [Fact]
    public async Task ConcurrentAppendsAreWrittenInCallOrder()
    {
        using var h = await LedgerHarness.StartAsync(await CreateStoreAsync());
        var batches = Enumerable.Range(0, 4).Select(_ => h.Worker.Sign(h.Worker.EmitMany(40, subjects: 3))).ToList();
        var results = await Task.WhenAll(batches.Select(b => h.Service.AppendAsync(b)));
        Assert.All(results, r => Assert.Equal(LedgerAppendStatus.Appended, r.Status));
        Assert.Equal([0L, 40L, 80L, 120L], results.Select(r => r.FirstPosition!.Value));
        Assert.True((await h.Service.VerifyAllAsync()).IsValid);
    }

    [Fact]
    public async Task ConsecutiveCheckpointsAreProvablyConsistent()
    {
        using var h = await LedgerHarness.StartAsync(await CreateStoreAsync());
        await h.AppendAsync(70);
        var c1 = await h.Service.CheckpointAsync();
        await h.AppendAsync(300);
        await h.AppendAsync(33);
        var c2 = await h.Service.CheckpointAsync();
        Assert.Equal((70L, 403L), (c1.Size, c2.Size));

        var proof = await h.Service.GetConsistencyProofAsync(c1.Size, c2.Size);
        var verifier = h.ClientVerifier;
        Assert.True(verifier.VerifyConsistency(c1, c2, proof).IsValid);
        Assert.Equal(LedgerCheckFailures.Inconsistent, verifier.VerifyConsistency(c1, c2, proof[1..]).Failure);
        Assert.False(verifier.VerifyConsistency(c2, c1, proof).IsValid);
        Assert.Equal(c1.Root, await h.Service.GetRootAsync(70));
        Assert.Equal(LedgerCheckFailures.UntrustedSigner, new LedgerVerifier([h.Worker.PublicKey]).VerifyConsistency(c1, c2, proof).Failure);
    }

    [Fact]
    public async Task ARestartedServiceResumesTheSameTree()
    {
        var store = await CreateStoreAsync();
        using var h = await LedgerHarness.StartAsync(store);
        await h.AppendAsync(300);
        await h.AppendAsync(5);
        var before = await h.Service.CheckpointAsync();

        var restarted = LedgerHarness.NewService(store, h.LedgerNode);
        await restarted.InitializeAsync();
        Assert.Equal(305, restarted.Size);
        Assert.Equal(before.Root, await restarted.GetRootAsync(305));
        var more = await restarted.AppendAsync(h.Worker.Sign(h.Worker.EmitMany(10)));
        Assert.Equal(305L, more.FirstPosition);
        var report = await restarted.VerifyAllAsync();
        Assert.True(report.IsValid, report.ToString());
    }

    [Fact]
    public async Task CheckpointsAreSignedPeriodically()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 27, 4, 0, 0, TimeSpan.Zero));
        using var h = await LedgerHarness.StartAsync(await CreateStoreAsync(), time, new LedgerOptions { CheckpointInterval = TimeSpan.FromSeconds(5), CheckpointEveryEntries = 50 });
        await h.AppendAsync(10);
        var first = await h.Service.CheckpointIfDueAsync();
        Assert.NotNull(first);
        Assert.Equal(10, first.Size);

        await h.AppendAsync(10);
        Assert.Null(await h.Service.CheckpointIfDueAsync());
        time.Advance(TimeSpan.FromSeconds(5));
        var second = await h.Service.CheckpointIfDueAsync();
        Assert.Equal(20, second?.Size);
        Assert.Equal(time.Now.ToUnixTimeMilliseconds(), second?.TimestampMilliseconds);
        Assert.Null(await h.Service.CheckpointIfDueAsync());

        await h.AppendAsync(60);
        Assert.Equal(80, (await h.Service.GetHeadAsync()).Size);
        Assert.True(h.ClientVerifier.VerifyCheckpoint(await h.Service.GetHeadAsync()).IsValid);
    }

    private static byte[] Flip(byte[] bytes, int index)
    {
        var copy = bytes.ToArray();
        copy[index] ^= 0x40;
        return copy;
    }
}
