using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Scheduling;
using Enc.Grains.Interfaces.Scheduling;

namespace Enc.Grains.Workloads;

/// <summary>
/// The common tail of every operation and retry (<see cref="SettleAsync"/>), ordered so that no failed write
/// leaves memory claiming what storage does not hold, nor a state that nothing will finish: whatever the turn
/// changed (spec, instances ended or created, workload stopped or deleting) is written before any node is called,
/// to reserve or to give a reservation back; the durable retry reminder is registered before a release is asked;
/// the node calls follow; then the write that records them; the retry timer and reminder are set up whatever
/// happened.
/// </summary>
public sealed partial class WorkloadGrain
{
    // Taken before an operation changes anything: the record as it was (to put back when the operation's first
    // write fails), the revision last written then, and which releases were already pending (a user operation
    // leaves those to the retry timer and reminder).
    private OperationStart Begin() => new(
        _state.State.Copy(),
        _writtenRevision,
        Planner.PendingReleases().Select(i => i.InstanceId).ToHashSet(StringComparer.Ordinal));

    private Task ConvergeAsync(OperationStart start)
    {
        var planner = Planner;
        planner.Converge();
        return SettleAsync(planner, start, retryEarlierReleases: false);
    }

    // Writes the intent, registers the release reminder when a release waits, gives back ended instances'
    // reservations (before placing: what they held may fit the new ones), places what is pending, compacts,
    // writes if changed, publishes receipts, finishes a deletion whose releases are all back; then, also when a
    // step failed, keeps the retry timer and reminder exactly while something waits (and the timer while a
    // change is not yet written). User operations release only what they ended themselves (retryEarlierReleases
    // false), so a node that does not answer delays them by at most the release timeout, and only for their own
    // instances.
    private async Task SettleAsync(WorkloadPlanner planner, OperationStart start, bool retryEarlierReleases)
    {
        try
        {
            Func<WorkloadInstance, bool>? include = retryEarlierReleases ? null : i => !start.EarlierReleases.Contains(i.InstanceId);
            if (_state.State.Revision != _writtenRevision)
            {
                await WriteIntentAsync(start);
                await _receipts.FlushAsync(); // the intent is durable: its receipts go out even if a later step fails
            }

            if (ReleasesWait(planner))
            {
                // Before any node call: a silo that dies while a node is being asked leaves a stored pending
                // release (or deletion) whose reminder wakes the workload to finish it.
                await UpdateReleaseReminderAsync(wanted: true);
            }

            var released = await ReleaseEndedAsync(planner, include);
            await PlacePendingAsync(planner);
            planner.Compact(keep: released);
            await WriteReleasesAsync(planner, released);
            await _receipts.FlushAsync();
            await FinishDeletionIfReleasedAsync(planner);
        }
        finally
        {
            // The current record: a finished deletion replaced it. The timer also runs while a change (such as a
            // placement already reserved on a node) failed to be written, so that a later tick writes it.
            UpdateRetryTimer(await StillWaitingAsync(Planner) || _state.State.Revision != _writtenRevision);
        }
    }

    // Stores the operation's changes before any node call, so that a write failing after the node calls leaves
    // storage with the intent (releases pending, instances to place), which the retry timer and reminder finish.
    // When this write fails no node was called: memory goes back to where the operation started (it claims
    // nothing storage does not hold, and the turn's receipts are gone with it) and the caller gets the error.
    private async Task WriteIntentAsync(OperationStart start)
    {
        try
        {
            await WriteStateAsync();
        }
        catch
        {
            _state.State = start.Before;
            _writtenRevision = start.WrittenRevision;
            throw;
        }
    }

    // Records the releases (and the turn's other changes). When the write fails the releases are taken back in
    // memory: they stay pending, as storage says, and the retry calls the nodes again (every release is
    // idempotent). Other changes of the turn, such as placements that already reserved on a node, stay in memory
    // and are written by the next write.
    private async Task WriteReleasesAsync(WorkloadPlanner planner, IReadOnlyList<string> released)
    {
        try
        {
            await WriteIfChangedAsync();
        }
        catch
        {
            foreach (var id in released)
            {
                planner.ForgetRelease(id);
            }

            throw;
        }
    }

    // Gives back the pending node reservations <paramref name="include"/> selects (all when null); one that fails
    // or times out stays pending (logged by the releaser).
    private async Task<IReadOnlyList<string>> ReleaseEndedAsync(WorkloadPlanner planner, Func<WorkloadInstance, bool>? include)
    {
        var released = await _releaser.ReleaseAsync(planner, include);
        if (released.Count > 0)
        {
            await ClusterChanges.NotifyAsync(GrainFactory, ClusterChangeKinds.InstanceRemoved);
        }

        return released;
    }

    private sealed record OperationStart(WorkloadRecord Before, long WrittenRevision, IReadOnlySet<string> EarlierReleases);
}
