using Orleans.Concurrency;

namespace Enc.Grains.Interfaces.Ledger;

/// <summary>
/// The cluster's receipt ledger (one activation, key <see cref="DefaultKey"/>). It consumes signed receipt
/// batches from the <see cref="LedgerStreams"/> stream, verifies each batch's signature and its signer's
/// registration before appending, signs checkpoints on a timer, and answers proof queries. Its log lives in
/// PostgreSQL in production and in memory in development; the grain holds no log in its own state.
/// </summary>
[Alias("Enc.Ledger.ILedgerGrain")]
public interface ILedgerGrain : IGrainWithStringKey
{
    /// <summary>The key of the ledger grain.</summary>
    const string DefaultKey = "ledger";

    /// <summary>
    /// Registers a node's BLS public key after verifying its proof of possession. Refused (never stored) when
    /// the key is malformed or the proof does not verify.
    /// </summary>
    [Alias("RegisterSigner")]
    Task<SignerRegistrationOutcome> RegisterSignerAsync(string nodeId, byte[] publicKey, byte[] proofOfPossession);

    /// <summary>
    /// Verifies and appends one signed batch (the same path the stream uses). A rejected batch leaves
    /// nothing in the ledger; receipts already stored are skipped (appends are idempotent by receipt id).
    /// </summary>
    [Alias("Append")]
    Task<LedgerAppendOutcome> AppendAsync(ReceiptBatchMessage batch);

    /// <summary>The latest signed tree head (one is signed first when the ledger has none).</summary>
    [Alias("GetHead")]
    Task<LedgerCheckpointView> GetHeadAsync();

    /// <summary>A receipt with its batch signature, batch path and inclusion proof in the latest head; null when unknown.</summary>
    [Alias("GetReceipt")]
    Task<LedgerReceiptProofView?> GetReceiptAsync(Guid receiptId);

    /// <summary>Receipts on <paramref name="subject"/> after ledger position <paramref name="afterPosition"/>, oldest first.</summary>
    [Alias("GetHistory")]
    [ReadOnly]
    Task<IReadOnlyList<LedgerEntryView>> GetHistoryAsync(string subject, long afterPosition, int limit);

    /// <summary>The hash of the latest receipt on each subject that has one (for emitters re-linking their chains).</summary>
    [Alias("GetSubjectHeads")]
    [ReadOnly]
    Task<IReadOnlyDictionary<string, byte[]>> GetSubjectHeadsAsync(IReadOnlyList<string> subjects);

    /// <summary>The RFC 9162 consistency proof between sizes <paramref name="fromSize"/> and <paramref name="toSize"/>, with both roots.</summary>
    [Alias("GetConsistencyProof")]
    Task<LedgerConsistencyView> GetConsistencyProofAsync(long fromSize, long toSize);

    /// <summary>Every registered signer key (node id and public key).</summary>
    [Alias("GetSigners")]
    [ReadOnly]
    Task<IReadOnlyList<LedgerSignerView>> GetSignersAsync();

    /// <summary>Re-hashes and re-verifies the whole ledger; reports the first bad position.</summary>
    [Alias("Verify")]
    Task<LedgerAuditView> VerifyAsync();
}
