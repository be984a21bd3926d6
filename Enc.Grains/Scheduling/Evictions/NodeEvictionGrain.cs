using Enc.Grains.Hosting;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Scheduling;
using Enc.Grains.Interfaces.Workloads;
using Microsoft.Extensions.DependencyInjection;

namespace Enc.Grains.Scheduling;

/// <summary>
/// Executes one node's NoExecute taints (<see cref="INodeEvictionGrain"/>) with <see cref="NoExecuteEvictionPlanner"/>:
/// evicts through the victims' workload grains, and looks again when the next <c>tolerationSeconds</c> run out.
/// </summary>
public sealed class NodeEvictionGrain([FromKeyedServices(EncTimeProviderNames.Nodes)] TimeProvider time) : Grain, INodeEvictionGrain
{
    private IGrainTimer? _next;

    async Task INodeEvictionGrain.EvaluateAsync() => await EvaluateAsync();

    Task<IReadOnlyList<InstanceEviction>> INodeEvictionGrain.EvaluateNowAsync() => EvaluateAsync();

    private async Task<IReadOnlyList<InstanceEviction>> EvaluateAsync()
    {
        var name = this.GetPrimaryKeyString();
        if (await GrainFactory.GetGrain<INodeGrain>(name).GetAsync() is not { } node)
        {
            return [];
        }

        var assigned = await GrainFactory.GetGrain<INodeInstancesGrain>(name).ListAsync();
        var plan = NoExecuteEvictionPlanner.Plan(node, assigned, time.GetUtcNow());
        var done = new List<InstanceEviction>();
        foreach (var eviction in plan.EvictNow)
        {
            if (await GrainFactory.GetGrain<IWorkloadGrain>(eviction.WorkloadId).EvictAsync(eviction))
            {
                done.Add(eviction);
            }
        }

        _next?.Dispose();
        _next = null;
        if (plan.NextDue is { } due)
        {
            var wait = due - time.GetUtcNow();
            _next = this.RegisterGrainTimer(EvaluateAsync, new GrainTimerCreationOptions(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan));
        }

        return done;
    }
}
