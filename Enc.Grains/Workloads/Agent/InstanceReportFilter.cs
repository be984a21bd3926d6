using System.Collections.Concurrent;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Grains.Workloads.Agent;

/// <summary>
/// Decides which instance reports a node agent sends: a report goes out when the instance's state,
/// restart count, exit code or task changed since the last one sent, and every report goes out again
/// once per <see cref="FullReportInterval"/> so that a workload grain that missed one (it was
/// deactivated, or its silo restarted) converges. Safe for concurrent use by one reconcile pass.
/// </summary>
internal sealed class InstanceReportFilter(TimeProvider time)
{
    /// <summary>How often every current report is re-sent, changed or not.</summary>
    public static readonly TimeSpan FullReportInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, string> _lastSent = new(StringComparer.Ordinal);
    private DateTimeOffset _lastFullReport = DateTimeOffset.MinValue;

    /// <summary>True when <paramref name="report"/> differs from the last report sent for its instance.</summary>
    public bool IsChange(InstanceStatusReport report) => _lastSent.GetValueOrDefault(report.InstanceId) != KeyOf(report);

    /// <summary>Records that <paramref name="report"/> reached its workload grain.</summary>
    public void MarkSent(InstanceStatusReport report) => _lastSent[report.InstanceId] = KeyOf(report);

    /// <summary>True (once per interval) when every report of the pass that just ended should be re-sent.</summary>
    public bool IsFullReportDue()
    {
        var now = time.GetUtcNow();
        if (now - _lastFullReport <= FullReportInterval)
        {
            return false;
        }

        _lastFullReport = now;
        return true;
    }

    /// <summary>Forgets instances that the last pass no longer reported.</summary>
    public void Retain(IEnumerable<InstanceStatusReport> current)
    {
        var keep = current.Select(r => r.InstanceId).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _lastSent.Keys.Where(id => !keep.Contains(id)).ToList())
        {
            _lastSent.TryRemove(gone, out _);
        }
    }

    private static string KeyOf(InstanceStatusReport report) => $"{report.State}|{report.RestartCount}|{report.ExitCode}|{report.TaskId}";
}
