using Enc.Consensus.Blocks;
using Enc.Consensus.Primitives;

namespace Enc.Grains.Consensus.Scheduling;

/// <summary>
/// The batch a validator last offered for a block (<see cref="ValidatorNode.PendingDecisions"/>): the parent it was
/// planned over, the pool version it was built from, the decisions offered and the placements the scheduler made.
/// </summary>
/// <remarks>
/// It saves the two repeated scheduler runs of a proposer: the same question asked again (a later round, or the
/// engine asking whether the height has work) is answered from it while the pool is unchanged, and the proposer's
/// own block is not replayed (<see cref="SchedulerReplayValidator"/>), because a plan is a fixed point of the
/// replay: the replay schedules the same requests in the same order over the same state and lands each on the
/// node the plan chose (requests the plan skipped assumed nothing), and so does every prefix of the plan.
/// </remarks>
internal sealed class PlannedBatch(CommittedBlock? parent, long poolVersion, int maxCount, IReadOnlyList<Decision> offered, IReadOnlyList<Decision> placements)
{
    private readonly long _parentHeight = parent?.Block.Height ?? 0;
    private readonly Hash256 _parentHash = parent?.Block.Hash ?? Hash256.Zero;

    /// <summary>The decisions offered (at most the requested count, placements last).</summary>
    public IReadOnlyList<Decision> Offered { get; } = offered;

    /// <summary>True when built over <paramref name="parent"/>.</summary>
    public bool IsOver(CommittedBlock? parent) =>
        (parent?.Block.Height ?? 0) == _parentHeight && (parent?.Block.Hash ?? Hash256.Zero) == _parentHash;

    /// <summary>True when built over <paramref name="parent"/> from pool version <paramref name="version"/> (what it offered still holds).</summary>
    public bool IsCurrent(CommittedBlock? parent, long version) => version == poolVersion && IsOver(parent);

    /// <summary>True when it answers a request for <paramref name="count"/> decisions over <paramref name="parent"/> at pool version <paramref name="version"/>.</summary>
    public bool Answers(CommittedBlock? parent, long version, int count) => count == maxCount && IsCurrent(parent, version);

    /// <summary>
    /// True when <paramref name="blockPlacements"/> (a block's placements, in block order) are these very placement
    /// objects, or a prefix of them: this validator planned them over <paramref name="parent"/>.
    /// </summary>
    public bool Planned(CommittedBlock? parent, IReadOnlyList<Decision> blockPlacements)
    {
        if (blockPlacements.Count > placements.Count || !IsOver(parent))
        {
            return false;
        }

        for (var i = 0; i < blockPlacements.Count; i++)
        {
            if (!ReferenceEquals(blockPlacements[i], placements[i]))
            {
                return false;
            }
        }

        return true;
    }
}
