using Enc.Consensus.Blocks;
using Enc.Grains.Interfaces.Consensus;

namespace Enc.Grains.Consensus;

/// <summary>
/// Acts once on each committed block and each piece of evidence, called by the height's round
/// grain when it first records them (ConsensusDriven placement binding, ledger recording).
/// Register implementations as singletons; they run in the round grain's context.
/// </summary>
public interface IConsensusCommitHandler
{
    /// <summary>A block committed; <paramref name="record"/> carries its certificate and validators.</summary>
    Task OnCommittedAsync(IGrainFactory grains, ConsensusBlock block, ConsensusBlockRecord record);

    /// <summary>Evidence of equivocation at <paramref name="height"/> was recorded (canonical <c>ENC-EVIDENCE-V1</c> bytes).</summary>
    Task OnEvidenceAsync(IGrainFactory grains, long height, byte[] encodedEvidence);
}
