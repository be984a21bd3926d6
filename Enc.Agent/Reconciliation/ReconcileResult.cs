using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Reconciliation;

/// <summary>What one reconcile pass found and did.</summary>
public sealed record ReconcileResult
{
    /// <summary>Instances whose running task this reconciler found rather than started (e.g. after an agent restart).</summary>
    public required IReadOnlyList<string> Adopted { get; init; }

    /// <summary>Instances started for the first time by this pass.</summary>
    public required IReadOnlyList<string> Started { get; init; }

    /// <summary>Instances restarted by this pass (after an exit, a failed start or a failed health check).</summary>
    public required IReadOnlyList<string> Restarted { get; init; }

    /// <summary>Task ids removed: orphans (no desired instance) and duplicates.</summary>
    public required IReadOnlyList<string> Removed { get; init; }

    /// <summary>The state of every desired instance after the pass.</summary>
    public required IReadOnlyList<InstanceStatusReport> Reports { get; init; }
}
