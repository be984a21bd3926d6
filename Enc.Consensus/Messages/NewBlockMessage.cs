using Enc.Consensus.Blocks;

namespace Enc.Consensus.Messages;

/// <summary>
/// NEW-BLOCK (QBFT spec L1 <c>NewBlock</c>, multicast by <c>UponCommit</c>): a committed block with
/// its commit certificate; lets validators that missed the round catch up.
/// </summary>
public sealed class NewBlockMessage(CommittedBlock committed) : ConsensusMessage
{
    /// <summary>The block and its certificate.</summary>
    public CommittedBlock Committed { get; } = committed;

    /// <inheritdoc />
    public override long Height => Committed.Block.Height;

    /// <inheritdoc />
    public override SignedPayload? SignedPart => null;
}
