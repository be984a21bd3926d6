using Enc.Grains.Workloads.Options;
using Microsoft.Extensions.Logging;

namespace Enc.Grains.Workloads;

/// <summary>
/// The durable side of retrying node releases: while a release is pending, or a deletion waits for its final
/// write, a reminder wakes the grain every <see cref="EncWorkloadOptions.ReleaseRetryReminderPeriod"/> (the retry
/// timer only runs while the grain is active), so a reservation is given back and a deletion finished even when
/// no agent reports again (its node is gone) and no one calls the workload (it was stopped or deleted). The
/// reminder is registered before the first node call of a release, and an activation that loads a pending
/// release or deletion starts the retry timer at once, so a silo crash in the middle of a release loses nothing.
/// </summary>
public sealed partial class WorkloadGrain
{
    /// <summary>Name of the reminder that retries pending node releases.</summary>
    public const string ReleaseRetryReminder = "enc.workloads.release-retry";

    // Whether some instance still waits for placement or release, or a deletion for its final write; keeps the
    // release reminder registered exactly while a release or a deletion waits.
    private async Task<bool> StillWaitingAsync(WorkloadPlanner planner)
    {
        var releasesWait = ReleasesWait(planner);
        await UpdateReleaseReminderAsync(releasesWait);
        return releasesWait || planner.Pending().Count > 0;
    }

    // A release is pending, a deletion waits for its final write, or a deleted workload's name is still listed.
    private bool ReleasesWait(WorkloadPlanner planner) => planner.Deleting || _state.State.RegistryRemovalPending || planner.PendingReleases().Count > 0;

    // Registers or removes the release reminder when it is not already as wanted. A reminder service that fails
    // is logged, not thrown: the retry timer still retries while the grain is active, and the receipt outbox's own
    // reminder (registered when the intent's receipts were flushed) wakes the grain, whose activation starts it.
    private async Task UpdateReleaseReminderAsync(bool wanted)
    {
        if (wanted == _releaseReminderRegistered)
        {
            return;
        }

        try
        {
            if (wanted)
            {
                await this.RegisterOrUpdateReminder(ReleaseRetryReminder, _releaseRetryReminderPeriod, _releaseRetryReminderPeriod);
            }
            else if (await this.GetReminder(ReleaseRetryReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _releaseReminderRegistered = wanted;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogReleaseReminderFailed(ex, this.GetPrimaryKeyString(), wanted);
        }
    }

    private async Task OnReleaseRetryReminderAsync()
    {
        _releaseReminderRegistered = true; // it just fired: it exists, so an empty retry removes it
        await RetryPendingAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workload {WorkloadId}: could not update the release retry reminder (wanted: {Wanted}); the retry timer still retries")]
    private partial void LogReleaseReminderFailed(Exception exception, string workloadId, bool wanted);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workload {WorkloadId}: a change whose write failed could not be written before deactivation either; storage keeps the state before it")]
    private partial void LogUnwrittenChangeLost(Exception exception, string workloadId);
}
