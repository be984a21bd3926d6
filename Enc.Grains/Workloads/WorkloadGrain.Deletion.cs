using Enc.Grains.Interfaces.Workloads;
using Microsoft.Extensions.Logging;

namespace Enc.Grains.Workloads;

/// <summary>
/// The end of a deletion: once every node reservation is back the record is emptied (its receipt outbox kept),
/// then the workload's name leaves the registry and its scheduling decisions are cleared. Each step is retried
/// until it succeeded: the emptied record says the name is still to be removed
/// (<see cref="WorkloadRecord.RegistryRemovalPending"/>), and the retry timer, the release reminder and any
/// later activation keep trying while it does.
/// </summary>
public sealed partial class WorkloadGrain
{
    private async Task FinishDeletionIfReleasedAsync(WorkloadPlanner planner)
    {
        if (planner.Deleting && planner.PendingReleases().Count == 0)
        {
            // The record is emptied, not cleared: its receipt outbox and subject chain heads outlive the workload.
            // Its revision moves on (never back), so a later write-if-changed compares against a fresh number.
            // When the write fails the deleting record is put back, so memory keeps matching storage, and the
            // retry timer and reminder (kept while a deletion waits) finish the job.
            var deleting = _state.State;
            _state.State = new WorkloadRecord { Receipts = deleting.Receipts, Revision = deleting.Revision + 1, RegistryRemovalPending = true };
            try
            {
                await WriteStateAsync();
            }
            catch
            {
                deleting.Receipts = _state.State.Receipts;
                _state.State = deleting;
                throw;
            }
        }

        if (_state.State.RegistryRemovalPending)
        {
            await ForgetNameAsync();
        }
    }

    // Both calls are idempotent, so a retry after a failure of either (or a crash) repeats them safely. The flag
    // is cleared only after both succeeded; a new workload of the same name clears it too (it is listed again).
    private async Task ForgetNameAsync()
    {
        await GrainFactory.GetGrain<IWorkloadRegistryGrain>(IWorkloadRegistryGrain.DefaultKey).RemoveAsync(this.GetPrimaryKeyString());
        await _decisions.ClearStateAsync();
        _state.State.RegistryRemovalPending = false;
        _state.State.Revision++;
        try
        {
            await WriteStateAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The deletion is complete; only the cleared flag is not stored. The retry timer (kept while a change is
            // unwritten) and the deactivation write it; if neither can, a later activation removes the name again.
            LogClearedFlagNotWritten(ex, this.GetPrimaryKeyString());
        }

        DeactivateOnIdle();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workload {WorkloadId} was deleted and its name removed from the registry, but recording that failed; it is written again later")]
    private partial void LogClearedFlagNotWritten(Exception exception, string workloadId);
}
