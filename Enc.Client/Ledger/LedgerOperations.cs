using Enc.Crypto.Merkle;
using Enc.Grains.Interfaces.Ledger;
using Enc.Grains.Interfaces.Nodes;
using Enc.Ledger.Batches;
using Enc.Ledger.Receipts;

namespace Enc.Client.Ledger;

/// <summary>
/// The receipt ledger: heads, receipts with proofs, subject histories, consistency proofs, full
/// verification, and the signer keys a <see cref="ReceiptVerifier"/> can be built from.
/// </summary>
public sealed class LedgerOperations
{
    private readonly IGrainFactory _grains;

    internal LedgerOperations(IGrainFactory grains) => _grains = grains;

    private ILedgerGrain Ledger => _grains.GetGrain<ILedgerGrain>(ILedgerGrain.DefaultKey);

    /// <summary>The latest signed tree head.</summary>
    public async Task<SignedCheckpoint> GetHeadAsync(CancellationToken cancellationToken = default) =>
        (await Ledger.GetHeadAsync().WaitAsync(cancellationToken)).ToCheckpoint();

    /// <summary>A receipt with its batch signature and inclusion proof in the latest head; null when unknown.</summary>
    public async Task<LedgerReceiptProofView?> GetReceiptAsync(Guid receiptId, CancellationToken cancellationToken = default) =>
        await Ledger.GetReceiptAsync(receiptId).WaitAsync(cancellationToken);

    /// <summary>Every receipt on <paramref name="subject"/> (see <see cref="ReceiptSubjectNames.Parse"/>), oldest first.</summary>
    public async Task<IReadOnlyList<LedgerRecord>> GetHistoryAsync(string subject, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        const int page = 1000;
        var records = new List<LedgerRecord>();
        var after = -1L;
        while (true)
        {
            var entries = await Ledger.GetHistoryAsync(subject, after, page).WaitAsync(cancellationToken);
            records.AddRange(entries.Select(e => new LedgerRecord
            {
                Position = e.Position,
                Receipt = ReceiptEncoding.Decode(e.Encoding),
                Hash = ReceiptEncoding.Hash(e.Encoding),
                Encoding = e.Encoding,
                BatchSequence = e.BatchSequence,
            }));
            if (entries.Count < page)
            {
                return records;
            }

            after = entries[^1].Position;
        }
    }

    /// <summary>The consistency proof between ledger sizes <paramref name="fromSize"/> and <paramref name="toSize"/>, checked locally against the roots it carries.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not 0 ≤ from ≤ to ≤ ledger size.</exception>
    /// <exception cref="InvalidDataException">The proof does not connect the two roots.</exception>
    public async Task<LedgerConsistencyView> GetConsistencyProofAsync(long fromSize, long toSize, CancellationToken cancellationToken = default)
    {
        var proof = await Ledger.GetConsistencyProofAsync(fromSize, toSize).WaitAsync(cancellationToken);
        if (!MerkleVerifier.VerifyConsistency(proof.FromSize, proof.ToSize, [.. proof.Proof], proof.FromRoot, proof.ToRoot))
        {
            throw new InvalidDataException($"the ledger's consistency proof from {fromSize} to {toSize} does not verify");
        }

        return proof;
    }

    /// <summary>Asks the ledger to re-hash and re-verify everything; reports the first bad position.</summary>
    public async Task<LedgerAuditView> VerifyAsync(CancellationToken cancellationToken = default) =>
        await Ledger.VerifyAsync().WaitAsync(cancellationToken);

    /// <summary>Every signer key registered with the ledger.</summary>
    public async Task<IReadOnlyList<LedgerSignerView>> GetSignersAsync(CancellationToken cancellationToken = default) =>
        await Ledger.GetSignersAsync().WaitAsync(cancellationToken);

    /// <summary>
    /// The public keys of the cluster's nodes as their node records report them. Convenient for a first
    /// check; an auditor should pin keys obtained out of band instead (see <see cref="ReceiptVerifier"/>).
    /// </summary>
    public async Task<IReadOnlyList<byte[]>> GetNodeKeysAsync(CancellationToken cancellationToken = default)
    {
        var nodes = await _grains.GetGrain<INodeRegistryGrain>(INodeRegistryGrain.DefaultKey).ListAsync().WaitAsync(cancellationToken);
        return [.. nodes.Where(n => n.PublicKey is not null).Select(n => Convert.FromHexString(n.PublicKey!))];
    }
}
