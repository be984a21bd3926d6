using Enc.Grains.Interfaces.Hosting;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Grains.Workloads;

/// <summary>Lists workload ids for <c>enc ps</c>, events and failover.</summary>
public sealed class WorkloadRegistryGrain(
    [PersistentState("workloads", EncProviderNames.GrainStorage)] IPersistentState<WorkloadRegistryState> state) : Grain, IWorkloadRegistryGrain
{
    async Task IWorkloadRegistryGrain.AddAsync(string workloadId)
    {
        if (state.State.Ids.Add(workloadId))
        {
            await state.WriteStateAsync();
        }
    }

    async Task IWorkloadRegistryGrain.RemoveAsync(string workloadId)
    {
        if (state.State.Ids.Remove(workloadId))
        {
            await state.WriteStateAsync();
        }
    }

    Task<IReadOnlyList<string>> IWorkloadRegistryGrain.ListAsync(string? ns) =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Ids
            .Where(id => ns is null || id.StartsWith(ns + "/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList());
}
