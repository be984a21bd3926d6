using Orleans.Concurrency;

namespace Enc.Grains.Interfaces.Workloads;

/// <summary>The cluster-wide list of workload ids (one activation, key <see cref="DefaultKey"/>).</summary>
[Alias("Enc.Workloads.IWorkloadRegistryGrain")]
public interface IWorkloadRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>The registry's key.</summary>
    const long DefaultKey = 0;

    /// <summary>Adds a workload id; idempotent.</summary>
    [Alias("Add")]
    Task AddAsync(string workloadId);

    /// <summary>Removes a workload id; idempotent.</summary>
    [Alias("Remove")]
    Task RemoveAsync(string workloadId);

    /// <summary>Workload ids, sorted; only those of <paramref name="ns"/> when given.</summary>
    [Alias("List")]
    [ReadOnly]
    Task<IReadOnlyList<string>> ListAsync(string? ns);
}
