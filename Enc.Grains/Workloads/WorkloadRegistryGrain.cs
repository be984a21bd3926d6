using Enc.Grains.Interfaces.Hosting;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Grains.Workloads;

/// <summary>
/// Lists workload ids for <c>enc ps</c>, events and failover. A change whose write failed is taken back in
/// memory, so the caller's retry really writes it and no later write stores a change its caller saw fail.
/// </summary>
public sealed class WorkloadRegistryGrain(
    [PersistentState("workloads", EncProviderNames.GrainStorage)] IPersistentState<WorkloadRegistryState> state) : Grain, IWorkloadRegistryGrain
{
    async Task IWorkloadRegistryGrain.AddAsync(string workloadId)
    {
        if (state.State.Ids.Add(workloadId))
        {
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                state.State.Ids.Remove(workloadId); // not stored: a retry writes again, and no later write stores it
                throw;
            }
        }
    }

    async Task IWorkloadRegistryGrain.RemoveAsync(string workloadId)
    {
        if (state.State.Ids.Remove(workloadId))
        {
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                state.State.Ids.Add(workloadId); // not stored: a retry writes again, and no later write stores it
                throw;
            }
        }
    }

    Task<IReadOnlyList<string>> IWorkloadRegistryGrain.ListAsync(string? ns) =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Ids
            .Where(id => ns is null || id.StartsWith(ns + "/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList());
}
