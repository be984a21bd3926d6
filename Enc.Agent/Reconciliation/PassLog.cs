using System.Collections.Concurrent;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Reconciliation;

/// <summary>Collects what a pass did; written concurrently by the per-instance steps.</summary>
internal sealed class PassLog
{
    public ConcurrentBag<string> Adopted { get; } = [];

    public ConcurrentBag<string> Started { get; } = [];

    public ConcurrentBag<string> Restarted { get; } = [];

    public ConcurrentBag<string> Removed { get; } = [];

    public ConcurrentBag<InstanceStatusReport> Reports { get; } = [];

    public ReconcileResult ToResult() => new()
    {
        Adopted = Sorted(Adopted),
        Started = Sorted(Started),
        Restarted = Sorted(Restarted),
        Removed = Sorted(Removed),
        Reports = Reports.OrderBy(r => r.InstanceId, StringComparer.Ordinal).ToList(),
    };

    private static List<string> Sorted(IEnumerable<string> items) => items.Order(StringComparer.Ordinal).ToList();
}
