using Orleans.Concurrency;

namespace Enc.Grains.Interfaces.Consensus;

/// <summary>
/// The consensus round of one height (key = height): collects the height's messages and forwards
/// each to the validators, and records the committed block, its certificate and any evidence.
/// </summary>
[Alias("Enc.Consensus.IConsensusRoundGrain")]
public interface IConsensusRoundGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Records a message of this height and forwards it to <paramref name="recipients"/> (node names) except the sender.
    /// Committed blocks do not travel this way: <see cref="ReportCommitAsync"/> carries them.
    /// </summary>
    [Alias("Publish")]
    [OneWay]
    Task PublishAsync(ConsensusEnvelope envelope, string senderNode, IReadOnlyList<string> recipients);

    /// <summary>The messages collected so far (a validator that starts late replays them).</summary>
    [Alias("GetMessages")]
    [ReadOnly]
    Task<IReadOnlyList<ConsensusEnvelope>> GetMessagesAsync();

    /// <summary>
    /// A validator's report of the block it committed for this height — the only call that carries the block to the
    /// round grain. Forwards it as NEW-BLOCK (QBFT <c>UponCommit</c>) to each of <paramref name="recipients"/> that
    /// has neither reported its own commit nor been sent the block already, then records the block with its
    /// certificate (verified; the first report only). Idempotent: true the first time, false when already recorded.
    /// </summary>
    /// <param name="encodedBlock">Canonical block bytes.</param>
    /// <param name="encodedCertificate">Canonical certificate bytes.</param>
    /// <param name="validators">The validators of the height (their set must hash to the block's validator-set hash).</param>
    /// <param name="senderNode">The reporting validator's node.</param>
    /// <param name="recipients">Nodes to announce the block to (empty when the reporter adopted the block from a certificate and announces nothing).</param>
    /// <exception cref="InvalidOperationException">A different block was already recorded for this height.</exception>
    [Alias("ReportCommit")]
    Task<bool> ReportCommitAsync(byte[] encodedBlock, byte[] encodedCertificate, IReadOnlyList<ValidatorInfo> validators, string senderNode, IReadOnlyList<string> recipients);

    /// <summary>Records encoded equivocation evidence for this height (deduplicated).</summary>
    [Alias("RecordEvidence")]
    Task RecordEvidenceAsync(byte[] encodedEvidence);

    /// <summary>The committed block of this height, or null while undecided.</summary>
    [Alias("GetBlock")]
    [ReadOnly]
    Task<ConsensusBlockRecord?> GetBlockAsync();
}
