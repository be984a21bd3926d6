using Microsoft.Extensions.Logging;

namespace Enc.Grains.Workloads;

/// <summary>
/// The durable side of retrying node releases: while a release is pending, or a deletion waits for its final
/// write, a reminder wakes the grain every minute (the retry timer only runs while the grain is active), so a
/// reservation is given back and a deletion finished even when no agent reports again (its node is gone) and no
/// one calls the workload (it was stopped or deleted).
/// </summary>
public sealed partial class WorkloadGrain
{
    /// <summary>Name of the reminder that retries pending node releases.</summary>
    public const string ReleaseRetryReminder = "enc.workloads.release-retry";

    private static readonly TimeSpan ReleaseRetryPeriod = TimeSpan.FromMinutes(1);

    // Whether some instance still waits for placement or release, or a deletion for its final write; keeps the
    // release reminder registered exactly while a release or a deletion waits. A reminder service that fails is
    // logged, not thrown: the timer still retries.
    private async Task<bool> StillWaitingAsync(WorkloadPlanner planner)
    {
        var releasesWait = planner.PendingReleases().Count > 0 || planner.Deleting;
        if (releasesWait != _releaseReminderRegistered)
        {
            try
            {
                if (releasesWait)
                {
                    await this.RegisterOrUpdateReminder(ReleaseRetryReminder, ReleaseRetryPeriod, ReleaseRetryPeriod);
                }
                else if (await this.GetReminder(ReleaseRetryReminder) is { } reminder)
                {
                    await this.UnregisterReminder(reminder);
                }

                _releaseReminderRegistered = releasesWait;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogReleaseReminderFailed(ex, this.GetPrimaryKeyString(), releasesWait);
            }
        }

        return releasesWait || planner.Pending().Count > 0;
    }

    private async Task OnReleaseRetryReminderAsync()
    {
        _releaseReminderRegistered = true; // it just fired: it exists, so an empty retry removes it
        await RetryPendingAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workload {WorkloadId}: could not update the release retry reminder (wanted: {Wanted}); the retry timer still retries")]
    private partial void LogReleaseReminderFailed(Exception exception, string workloadId, bool wanted);
}
