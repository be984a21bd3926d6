using Enc.Grains.Interfaces.Ledger;
using Enc.Ledger.Batches;
using Enc.Ledger.Verification;

namespace Enc.Client.Ledger;

/// <summary>Turns the ledger grain's wire views into the <c>Enc.Ledger</c> types the offline verifier checks.</summary>
public static class LedgerViewConversions
{
    /// <summary>The checkpoint as an <see cref="SignedCheckpoint"/>.</summary>
    public static SignedCheckpoint ToCheckpoint(this LedgerCheckpointView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new SignedCheckpoint
        {
            Size = view.Size,
            Root = view.Root,
            TimestampMilliseconds = view.TimestampMilliseconds,
            SignerPublicKey = view.SignerPublicKey,
            Signature = view.Signature,
        };
    }

    /// <summary>The proof as a <see cref="ReceiptProof"/>.</summary>
    public static ReceiptProof ToProof(this LedgerReceiptProofView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new ReceiptProof
        {
            Encoding = view.Encoding,
            BatchSignerPublicKey = view.BatchSignerPublicKey,
            BatchSize = view.BatchSize,
            BatchIndex = view.BatchIndex,
            BatchPath = [.. view.BatchPath],
            BatchSignature = view.BatchSignature,
            Position = view.Position,
            LedgerPath = [.. view.LedgerPath],
            Checkpoint = view.Checkpoint.ToCheckpoint(),
        };
    }
}
