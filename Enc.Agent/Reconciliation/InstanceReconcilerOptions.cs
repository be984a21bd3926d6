namespace Enc.Agent.Reconciliation;

/// <summary>Settings of the <see cref="InstanceReconciler"/>.</summary>
public sealed class InstanceReconcilerOptions
{
    /// <summary>Grace period when stopping orphaned tasks (whose spec is unknown). <value>Default 10 s.</value></summary>
    public TimeSpan OrphanGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Instances handled concurrently within one pass. <value>Default 16.</value></summary>
    public int MaxParallelism { get; set; } = 16;
}
