using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Workloads.Placement;
using Microsoft.Extensions.Logging;

namespace Enc.Grains.Workloads;

/// <summary>
/// Gives back the node reservations of a workload's instances that ended: finished (Succeeded or Failed: the
/// instance keeps its entry on the node so its logs stay readable, like a completed pod or a complete Nomad
/// allocation) or stopped (the instance is taken off the node, whose agent stops its task; so is every instance
/// of a workload being deleted, finished ones included, so that no entry it still knows outlives the workload). Both go through
/// <see cref="IPlacementCluster"/>, so the placement cache re-reads the node. Each release is recorded on its
/// instance (<see cref="WorkloadInstance.NodeReleased"/>, persisted with the workload) only after the node
/// calls returned. Releases are independent and run side by side, each bounded by the release timeout: one that
/// fails or does not answer in time is logged and stays pending (the grain's retry timer and reminder try it
/// again) while the others and the rest of the operation go on. Grain-free, so unit tests drive it with a fake cluster.
/// </summary>
public sealed partial class TerminalInstanceReleaser
{
    private readonly IPlacementCluster _cluster;
    private readonly ILogger _logger;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;

    /// <summary>
    /// Creates a releaser over <paramref name="cluster"/>; a release whose node calls take longer than
    /// <paramref name="timeout"/> (measured on <paramref name="time"/>, default the system clock) stays pending.
    /// </summary>
    public TerminalInstanceReleaser(IPlacementCluster cluster, ILogger logger, TimeSpan timeout, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _cluster = cluster;
        _logger = logger;
        _timeout = timeout;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// Releases the instances of <paramref name="planner"/> whose release is pending
    /// (<see cref="WorkloadPlanner.PendingReleases"/>) and that <paramref name="include"/> accepts (all when null);
    /// returns the ids of those it released, in the planner's order. Never throws for a failed or timed-out node
    /// call: the instance stays pending and the failure is logged with its workload, instance and node. Takes at
    /// most about one release timeout however many releases it makes.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReleaseAsync(WorkloadPlanner planner, Func<WorkloadInstance, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(planner);
        var attempts = planner.PendingReleases().Where(i => include?.Invoke(i) ?? true)
            .Select(i => (Instance: i, Released: ReleaseOneAsync(i, stop: i.State == InstanceState.Stopped || planner.Deleting)))
            .ToList();

        // The planner is changed only here, after every attempt ended, so no attempt's continuation touches it.
        var released = new List<string>(attempts.Count);
        foreach (var (instance, attempt) in attempts)
        {
            if (await attempt && planner.MarkReleased(instance.InstanceId))
            {
                released.Add(instance.InstanceId);
            }
        }

        return released;
    }

    private async Task<bool> ReleaseOneAsync(WorkloadInstance instance, bool stop)
    {
        var nodeName = instance.NodeName!;
        Task? release = null;
        try
        {
            release = stop ? _cluster.ReleaseStoppedAsync(nodeName, instance.InstanceId) : _cluster.ReleaseFinishedAsync(nodeName, instance.InstanceId);
            await release.WaitAsync(_timeout, _time);
            return true;
        }
        catch (TimeoutException ex) when (!FailedWith(release, ex))
        {
            // Our wait ended, not the call (a TimeoutException the call itself failed with, such as an Orleans
            // response timeout, is a failure like any other): the call goes on, and its outcome is logged if it fails.
            LogReleaseTimedOut(ex, instance.WorkloadId, instance.InstanceId, nodeName, instance.State, _timeout);
            _ = release!.ContinueWith(
                late => LogLateReleaseFailed(late.Exception!.InnerException ?? late.Exception, instance.WorkloadId, instance.InstanceId, nodeName, _timeout),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return false;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogReleaseFailed(ex, instance.WorkloadId, instance.InstanceId, nodeName, instance.State);
            return false;
        }
    }

    private static bool FailedWith(Task? release, Exception ex) => release is null || release.Exception?.InnerExceptions.Contains(ex) == true;
}
