using Orleans.Concurrency;

namespace Enc.Grains.Interfaces.Scheduling;

/// <summary>
/// Executes <c>NoExecute</c> taints of one node (keyed by node name): evicts the node's instances that do
/// not tolerate them, now or when their <c>tolerationSeconds</c> run out. Triggered by the node grain when
/// its taints change; kept apart from it so the evictions' calls back into the node grain cannot deadlock.
/// </summary>
[Alias("Enc.Scheduling.INodeEvictionGrain")]
public interface INodeEvictionGrain : IGrainWithStringKey
{
    /// <summary>Evaluates the node's taints against its instances and evicts what must go.</summary>
    [Alias("Evaluate")]
    [OneWay]
    Task EvaluateAsync();

    /// <summary>Evaluates now and returns the evictions made (also used by tests and diagnostics).</summary>
    [Alias("EvaluateNow")]
    Task<IReadOnlyList<InstanceEviction>> EvaluateNowAsync();
}
