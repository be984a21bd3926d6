using System.Globalization;
using Enc.Grains.Interfaces.Consensus;
using Enc.Grains.Receipts;
using Enc.Ledger.Receipts;

namespace Enc.Grains.Consensus;

/// <summary>
/// The ledger receipts of consensus, recorded by the height's round grain: one
/// <see cref="ReceiptKind.ConsensusDecision"/> per committed block (subject <c>consensus/block/H</c>;
/// payload: block and parent hash, round, validator-set hash, signers, decision count and the
/// certificate bytes in hex, so the receipt alone lets anyone re-verify the commit) and one
/// <see cref="ReceiptKind.ConsensusEvidence"/> per equivocation (subject <c>consensus/evidence/H</c>, the
/// evidence bytes in hex).
/// </summary>
public static class ConsensusReceipts
{
    /// <summary>Subject of the block at <paramref name="height"/>.</summary>
    public static string BlockSubject(long height) => "consensus/block/" + height.ToString(CultureInfo.InvariantCulture);

    /// <summary>Subject of evidence found at <paramref name="height"/>.</summary>
    public static string EvidenceSubject(long height) => "consensus/evidence/" + height.ToString(CultureInfo.InvariantCulture);

    /// <summary>The receipt payload of a committed block.</summary>
    public static ReceiptPayload Block(ConsensusBlockRecord record) => ReceiptPayload.Of(
        ("height", record.Height.ToString(CultureInfo.InvariantCulture)),
        ("blockHash", record.BlockHash),
        ("parentHash", record.ParentHash),
        ("round", record.Certificate.Round.ToString(CultureInfo.InvariantCulture)),
        ("validatorSetHash", record.Certificate.ValidatorSetHash),
        ("signers", string.Join(',', record.Certificate.Signers)),
        ("decisions", record.Decisions.Count.ToString(CultureInfo.InvariantCulture)),
        ("certificate", Convert.ToHexStringLower(record.Certificate.Encoded)));

    /// <summary>The receipt payload of equivocation evidence.</summary>
    public static ReceiptPayload Evidence(long height, byte[] encodedEvidence) => ReceiptPayload.Of(
        ("height", height.ToString(CultureInfo.InvariantCulture)),
        ("evidence", Convert.ToHexStringLower(encodedEvidence)));
}
