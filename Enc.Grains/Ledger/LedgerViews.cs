using Enc.Grains.Interfaces.Ledger;
using Enc.Ledger.Batches;
using Enc.Ledger.Service;
using Enc.Ledger.Storage;
using Enc.Ledger.Verification;

namespace Enc.Grains.Ledger;

/// <summary>Maps <c>Enc.Ledger</c> results to the wire views of <see cref="ILedgerGrain"/>.</summary>
internal static class LedgerViews
{
    public static LedgerCheckpointView ToView(this SignedCheckpoint c) => new()
    {
        Size = c.Size,
        Root = c.Root,
        TimestampMilliseconds = c.TimestampMilliseconds,
        SignerPublicKey = c.SignerPublicKey,
        Signature = c.Signature,
    };

    public static LedgerReceiptProofView ToView(this ReceiptProof p) => new()
    {
        Encoding = p.Encoding,
        BatchSignerPublicKey = p.BatchSignerPublicKey,
        BatchSize = p.BatchSize,
        BatchIndex = p.BatchIndex,
        BatchPath = p.BatchPath,
        BatchSignature = p.BatchSignature,
        Position = p.Position,
        LedgerPath = p.LedgerPath,
        Checkpoint = p.Checkpoint.ToView(),
    };

    public static LedgerEntryView ToView(this StoredEntry e) => new()
    {
        Position = e.Position,
        ReceiptId = e.ReceiptId,
        Subject = e.Subject,
        Kind = (ushort)e.Kind,
        LeafHash = e.LeafHash,
        Encoding = e.Encoding,
        BatchSequence = e.BatchSequence,
    };

    public static LedgerSignerView ToView(this SignerRegistration s) => new()
    {
        NodeId = s.NodeId,
        PublicKey = s.PublicKey,
        ProofOfPossession = s.ProofOfPossession,
    };

    public static LedgerAuditView ToView(this LedgerAuditReport r) => new()
    {
        IsValid = r.IsValid,
        EntriesChecked = r.EntriesChecked,
        BatchesChecked = r.BatchesChecked,
        CheckpointsChecked = r.CheckpointsChecked,
        FirstBadPosition = r.FirstBadPosition,
        Failure = r.Failure,
        Detail = r.Detail,
        ElapsedMilliseconds = r.Elapsed.TotalMilliseconds,
    };
}
