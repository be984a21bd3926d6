using Enc.Scheduling;
using Enc.Scheduling.Explain;
using Enc.Scheduling.Options;

namespace Enc.Grains.Consensus.Scheduling;

/// <summary>
/// Runs the deterministic scheduler (<see cref="SchedulingPipeline"/> with default
/// <see cref="SchedulerOptions"/>, the same on every validator) over a <see cref="ConsensusClusterState"/>:
/// the proposer plans a batch of requests; validators replay a proposed batch and compare.
/// </summary>
public static class ConsensusPlacementPlanner
{
    /// <summary>The scheduler options every validator uses: the defaults, without preemption (an eviction is not a placement decision).</summary>
    public static SchedulerOptions SchedulerOptions() => new() { EnablePreemption = false };

    /// <summary>
    /// Places <paramref name="requests"/> in order over <paramref name="state"/>; each placement is
    /// assumed before the next request is scheduled. Requests that fit nowhere (or are already placed)
    /// are left out.
    /// </summary>
    public static List<PlacementDecision> Plan(ConsensusClusterState state, IEnumerable<PlacementRequestDecision> requests) =>
        [.. PlaceInOrder(state, requests)];

    /// <summary>
    /// True when <see cref="Plan"/> would place at least one of <paramref name="requests"/>: schedules them in
    /// order only until the first one fits (usually the first), instead of planning the whole batch.
    /// </summary>
    public static bool AnyPlaceable(ConsensusClusterState state, IEnumerable<PlacementRequestDecision> requests) =>
        PlaceInOrder(state, requests).Any();

    /// <summary>The plan, lazily: each placement is computed when the caller asks for the next one.</summary>
    private static IEnumerable<PlacementDecision> PlaceInOrder(ConsensusClusterState state, IEnumerable<PlacementRequestDecision> requests)
    {
        if (state.Nodes.Count == 0)
        {
            yield break;
        }

        var pipeline = new SchedulingPipeline(state.ToSnapshot(), SchedulerOptions());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            if (state.IsPlaced(request.InstanceId) || !seen.Add(request.InstanceId))
            {
                continue;
            }

            var decision = pipeline.Schedule(request.ToSchedulingRequest(), request.Replica, ExplainLevel.Summary);
            if (decision.Outcome == SchedulingOutcome.Placed && decision.Evictions.Count == 0)
            {
                yield return new PlacementDecision(request, decision.NodeId);
            }
        }
    }
}
