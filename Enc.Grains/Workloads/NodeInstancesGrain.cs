using Enc.Grains.Interfaces.Hosting;
using Enc.Grains.Interfaces.Nodes.Placement;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Workloads.Agent;
using Enc.Grains.Workloads.Options;
using Enc.Grains.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enc.Grains.Workloads;

/// <summary>
/// The instances assigned to one node. Lives on the node's own silo, so that a change wakes that silo's
/// <see cref="WorkloadAgent"/> at once (no polling delay) and log reads reach the local driver. Every change
/// is recorded in the node registry's change log, which placement caches follow.
/// </summary>
[NodeSiloPlacement]
public sealed class NodeInstancesGrain(
    [PersistentState("node-instances", EncProviderNames.GrainStorage)] IPersistentState<NodeInstancesState> state,
    WorkloadAgent agent,
    IOptions<EncWorkloadOptions> options,
    ILogger<NodeInstancesGrain> logger) : Grain, INodeInstancesGrain
{
    private string NodeName => this.GetPrimaryKeyString();

    async Task<IReadOnlyDictionary<string, int>?> INodeInstancesGrain.AssignAsync(AssignedInstance instance)
    {
        if (state.State.Instances.TryGetValue(instance.InstanceId, out var existing))
        {
            return existing.Ports;
        }

        var others = state.State.Instances.Values;
        var ports = HostPortAllocator.Allocate(instance.Spec, others, options.Value.PortRangeStart, options.Value.PortRangeEnd);
        if (ports is null)
        {
            return null;
        }

        await ChangeAsync(instance.InstanceId, instance with { Ports = ports });
        agent.Wake(NodeName);
        await NodeChanges.NotifyAsync(GrainFactory, NodeName, logger);
        return ports;
    }

    async Task INodeInstancesGrain.UnassignAsync(string instanceId)
    {
        if (state.State.Instances.ContainsKey(instanceId))
        {
            await ChangeAsync(instanceId, null);
            agent.Wake(NodeName);
            await NodeChanges.NotifyAsync(GrainFactory, NodeName, logger);
        }
    }

    async Task INodeInstancesGrain.MarkFinishedAsync(string instanceId)
    {
        if (state.State.Instances.TryGetValue(instanceId, out var existing) && !existing.Finished)
        {
            await ChangeAsync(instanceId, existing with { Finished = true });
            await NodeChanges.NotifyAsync(GrainFactory, NodeName, logger);
        }
    }

    // Applies one instance's change (null removes it) and persists it; when the write fails the change is rolled
    // back, so memory never claims what storage does not hold and the caller's retry (same call again) really
    // writes instead of finding the change already made.
    private async Task ChangeAsync(string instanceId, AssignedInstance? after)
    {
        var instances = state.State.Instances;
        var before = instances.GetValueOrDefault(instanceId);
        Set(instances, instanceId, after);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            Set(instances, instanceId, before);
            throw;
        }
    }

    private static void Set(Dictionary<string, AssignedInstance> instances, string instanceId, AssignedInstance? value)
    {
        if (value is null)
        {
            instances.Remove(instanceId);
        }
        else
        {
            instances[instanceId] = value;
        }
    }

    Task<IReadOnlyList<AssignedInstance>> INodeInstancesGrain.ListAsync() =>
        Task.FromResult<IReadOnlyList<AssignedInstance>>(state.State.Instances.Values.ToList());

    Task<InstanceLogChunk> INodeInstancesGrain.GetLogsAsync(string instanceId, int offset) =>
        state.State.Instances.TryGetValue(instanceId, out var instance)
            ? agent.ReadLogsAsync(NodeName, instance, offset)
            : Task.FromResult(new InstanceLogChunk { Lines = [], NextOffset = offset, Running = false });
}
