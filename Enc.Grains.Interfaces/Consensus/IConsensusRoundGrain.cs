using Orleans.Concurrency;

namespace Enc.Grains.Interfaces.Consensus;

/// <summary>
/// The consensus round of one height (key = height): collects the height's messages and forwards
/// each to the validators, and records the committed block, its certificate and any evidence.
/// </summary>
[Alias("Enc.Consensus.IConsensusRoundGrain")]
public interface IConsensusRoundGrain : IGrainWithIntegerKey
{
    /// <summary>Records a message of this height and forwards it to <paramref name="recipients"/> (node names) except the sender.</summary>
    [Alias("Publish")]
    [OneWay]
    Task PublishAsync(ConsensusEnvelope envelope, string senderNode, IReadOnlyList<string> recipients);

    /// <summary>The messages collected so far (a validator that starts late replays them).</summary>
    [Alias("GetMessages")]
    [ReadOnly]
    Task<IReadOnlyList<ConsensusEnvelope>> GetMessagesAsync();

    /// <summary>Records the committed block with its certificate; true the first time, false when already recorded.</summary>
    /// <exception cref="InvalidOperationException">A different block was already recorded for this height.</exception>
    [Alias("RecordCommit")]
    Task<bool> RecordCommitAsync(byte[] encodedBlock, byte[] encodedCertificate, IReadOnlyList<ValidatorInfo> validators);

    /// <summary>Records encoded equivocation evidence for this height (deduplicated).</summary>
    [Alias("RecordEvidence")]
    Task RecordEvidenceAsync(byte[] encodedEvidence);

    /// <summary>The committed block of this height, or null while undecided.</summary>
    [Alias("GetBlock")]
    [ReadOnly]
    Task<ConsensusBlockRecord?> GetBlockAsync();
}
