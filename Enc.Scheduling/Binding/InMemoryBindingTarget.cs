namespace Enc.Scheduling.Binding;

/// <summary>
/// A thread-safe in-memory <see cref="IBindingTarget"/>: per-node compare-and-reserve under a per-node lock.
/// </summary>
/// <remarks>
/// Each node has its own lock, so binds to different nodes never contend; the capacity check and the
/// reservation happen under that lock, which makes them one atomic step.
/// </remarks>
public sealed class InMemoryBindingTarget : IBindingTarget
{
    private readonly Dictionary<string, LiveNode> _nodes = new(StringComparer.Ordinal);

    /// <summary>Starts from the nodes and instances of <paramref name="snapshot"/>.</summary>
    public InMemoryBindingTarget(ClusterSnapshot snapshot)
    {
        foreach (var node in snapshot.Nodes)
        {
            _nodes[node.Id] = new LiveNode(node.Capacity, node.Allocated, node.Status);
        }

        foreach (var instance in snapshot.Instances)
        {
            _nodes[instance.NodeId].Instances[instance.Id] = instance;
        }
    }

    /// <inheritdoc/>
    public BindingResult TryBind(BindingRequest request)
    {
        if (!_nodes.TryGetValue(request.NodeId, out var node))
        {
            return new BindingResult(false, default, $"unknown node '{request.NodeId}'");
        }

        lock (node)
        {
            if (node.Status != NodeStatus.Ready)
            {
                return new BindingResult(false, node.Allocated, RejectionReasons.NodeNotReady);
            }

            if (node.Instances.ContainsKey(request.Instance.Id))
            {
                return new BindingResult(false, node.Allocated, $"instance '{request.Instance.Id}' is already bound");
            }

            var freed = ResourceVector.Zero;
            foreach (var victim in request.Victims)
            {
                if (!node.Instances.TryGetValue(victim, out var instance))
                {
                    return new BindingResult(false, node.Allocated, $"victim '{victim}' is no longer on the node");
                }

                freed += instance.Resources;
            }

            var after = node.Allocated - freed + request.Resources;
            if (!after.FitsWithin(node.Capacity))
            {
                return new BindingResult(false, node.Allocated, "node no longer has room");
            }

            foreach (var victim in request.Victims)
            {
                node.Instances.Remove(victim);
            }

            node.Instances[request.Instance.Id] = request.Instance;
            node.Allocated = after;
            return new BindingResult(true, after, "");
        }
    }

    /// <summary>Removes an instance (it stopped), freeing its resources. False when it was not there.</summary>
    public bool Release(string nodeId, string instanceId)
    {
        var node = _nodes[nodeId];
        lock (node)
        {
            if (!node.Instances.Remove(instanceId, out var instance))
            {
                return false;
            }

            node.Allocated -= instance.Resources;
            return true;
        }
    }

    /// <summary>Sets a node's status (binds to non-Ready nodes are refused).</summary>
    public void SetStatus(string nodeId, NodeStatus status)
    {
        var node = _nodes[nodeId];
        lock (node)
        {
            node.Status = status;
        }
    }

    /// <summary>A consistent copy of the live state: nodes with their current allocation, and all instances.</summary>
    public ClusterSnapshot ToSnapshot(ClusterSnapshot template)
    {
        var nodes = new List<NodeInfo>(template.Nodes.Count);
        var instances = new List<RunningInstance>();
        foreach (var info in template.Nodes)
        {
            var node = _nodes[info.Id];
            lock (node)
            {
                nodes.Add(info with { Allocated = node.Allocated, Status = node.Status });
                instances.AddRange(node.Instances.Values);
            }
        }

        return template with { Nodes = nodes, Instances = instances };
    }

    private sealed class LiveNode(ResourceVector capacity, ResourceVector allocated, NodeStatus status)
    {
        public ResourceVector Capacity { get; } = capacity;

        public ResourceVector Allocated { get; set; } = allocated;

        public NodeStatus Status { get; set; } = status;

        public Dictionary<string, RunningInstance> Instances { get; } = new(StringComparer.Ordinal);
    }
}
