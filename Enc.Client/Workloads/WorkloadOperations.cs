using System.Runtime.CompilerServices;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Client.Workloads;

/// <summary>
/// Workload operations: submit/apply, list, get, stop, delete, instances, logs and events. Names are
/// "name" (namespace <c>default</c>) or "namespace/name".
/// </summary>
public sealed class WorkloadOperations
{
    private static readonly TimeSpan FollowPoll = TimeSpan.FromMilliseconds(500);
    private readonly IGrainFactory _grains;

    internal WorkloadOperations(IGrainFactory grains) => _grains = grains;

    /// <summary>Creates a workload; throws <see cref="WorkloadSpecException"/> for an invalid spec and <see cref="InvalidOperationException"/> when the name is taken.</summary>
    public Task<WorkloadSnapshot> SubmitAsync(WorkloadSpec spec, CancellationToken cancellationToken = default) => SendAsync(spec, false, cancellationToken);

    /// <summary>Creates a workload or updates its spec (rolling replacement of its instances).</summary>
    public Task<WorkloadSnapshot> ApplyAsync(WorkloadSpec spec, CancellationToken cancellationToken = default) => SendAsync(spec, true, cancellationToken);

    /// <summary>Workloads, sorted by id; only one namespace's when <paramref name="ns"/> is given.</summary>
    public async Task<IReadOnlyList<WorkloadSnapshot>> ListAsync(string? ns = null, CancellationToken cancellationToken = default)
    {
        var ids = await Registry.ListAsync(ns).WaitAsync(cancellationToken);
        var all = await Task.WhenAll(ids.Select(id => _grains.GetGrain<IWorkloadGrain>(id).GetAsync())).WaitAsync(cancellationToken);
        return all.OfType<WorkloadSnapshot>().ToList();
    }

    /// <summary>One workload, or null.</summary>
    public async Task<WorkloadSnapshot?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        await Grain(name).GetAsync().WaitAsync(cancellationToken);

    /// <summary>Stops every instance, keeping the workload; false when it does not exist.</summary>
    public async Task<bool> StopAsync(string name, CancellationToken cancellationToken = default) =>
        await Grain(name).StopAsync().WaitAsync(cancellationToken);

    /// <summary>Stops every instance and deletes the workload; false when it does not exist.</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        await Grain(name).DeleteAsync().WaitAsync(cancellationToken);

    /// <summary>Instances of one workload, or of all workloads when <paramref name="name"/> is null.</summary>
    public async Task<IReadOnlyList<WorkloadInstance>> InstancesAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        var workloads = name is null ? await ListAsync(null, cancellationToken) : (await GetAsync(name, cancellationToken) is { } w ? [w] : []);
        return workloads.SelectMany(w => w.Instances).ToList();
    }

    /// <summary>Events of one workload, or of all, oldest first.</summary>
    public async Task<IReadOnlyList<WorkloadEvent>> EventsAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        var ids = name is null ? await Registry.ListAsync(null).WaitAsync(cancellationToken) : [WorkloadId(name)];
        var lists = await Task.WhenAll(ids.Select(id => _grains.GetGrain<IWorkloadGrain>(id).GetEventsAsync())).WaitAsync(cancellationToken);
        return lists.SelectMany(l => l).OrderBy(e => e.At).ToList();
    }

    /// <summary>
    /// Output of the workload's current instances (those not stopped); with <paramref name="follow"/>,
    /// keeps polling for new lines until every instance's task has ended or cancellation.
    /// </summary>
    public async IAsyncEnumerable<InstanceLogLine> LogsAsync(string name, bool follow = false, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var workload = await GetAsync(name, cancellationToken) ?? throw new KeyNotFoundException($"workload {WorkloadId(name)} not found");
        var instances = workload.Instances.Where(i => i.NodeName is not null && i.State != InstanceState.Stopped).ToList();
        var offsets = instances.ToDictionary(i => i.InstanceId, _ => 0);
        while (true)
        {
            var anyRunning = false;
            foreach (var instance in instances)
            {
                var chunk = await _grains.GetGrain<INodeInstancesGrain>(instance.NodeName!).GetLogsAsync(instance.InstanceId, offsets[instance.InstanceId]).WaitAsync(cancellationToken);
                offsets[instance.InstanceId] = chunk.NextOffset;
                anyRunning |= chunk.Running;
                foreach (var line in chunk.Lines)
                {
                    yield return line;
                }
            }

            if (!follow || !anyRunning)
            {
                yield break;
            }

            await Task.Delay(FollowPoll, cancellationToken);
        }
    }

    /// <summary>"name" → "default/name"; "ns/name" unchanged.</summary>
    public static string WorkloadId(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return name.Contains('/', StringComparison.Ordinal) ? name : WorkloadSpec.DefaultNamespace + "/" + name;
    }

    private IWorkloadRegistryGrain Registry => _grains.GetGrain<IWorkloadRegistryGrain>(IWorkloadRegistryGrain.DefaultKey);

    private IWorkloadGrain Grain(string name) => _grains.GetGrain<IWorkloadGrain>(WorkloadId(name));

    private async Task<WorkloadSnapshot> SendAsync(WorkloadSpec spec, bool allowUpdate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);

        // Validate here too: a bad spec fails fast with every field named, before any grain call.
        new WorkloadSpecValidator().EnsureValid(spec);
        return await _grains.GetGrain<IWorkloadGrain>(spec.Id).ApplyAsync(spec, allowUpdate).WaitAsync(cancellationToken);
    }
}
