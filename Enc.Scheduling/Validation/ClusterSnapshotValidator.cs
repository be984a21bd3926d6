namespace Enc.Scheduling.Validation;

/// <summary>Checks a <see cref="ClusterSnapshot"/> before the scheduler trusts it.</summary>
public static class ClusterSnapshotValidator
{
    /// <summary>Every invalid field of <paramref name="snapshot"/>; empty when valid.</summary>
    public static IReadOnlyList<ValidationError> Validate(ClusterSnapshot snapshot)
    {
        var errors = new List<ValidationError>();
        var nodeIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < snapshot.Nodes.Count; i++)
        {
            var node = snapshot.Nodes[i];
            var field = $"{nameof(ClusterSnapshot.Nodes)}[{i}]";
            if (string.IsNullOrEmpty(node.Id))
            {
                errors.Add(new($"{field}.{nameof(NodeInfo.Id)}", "must not be empty"));
            }
            else if (!nodeIds.Add(node.Id))
            {
                errors.Add(new($"{field}.{nameof(NodeInfo.Id)}", $"duplicate node id '{node.Id}'"));
            }

            if (node.Capacity.HasNegative)
            {
                errors.Add(new($"{field}.{nameof(NodeInfo.Capacity)}", "must not be negative"));
            }

            if (node.Allocated.HasNegative)
            {
                errors.Add(new($"{field}.{nameof(NodeInfo.Allocated)}", "must not be negative"));
            }

            if (node.Status == NodeStatus.Unknown)
            {
                errors.Add(new($"{field}.{nameof(NodeInfo.Status)}", "must be Ready, Down or Cordoned"));
            }

            for (var t = 0; t < node.Taints.Count; t++)
            {
                if (string.IsNullOrEmpty(node.Taints[t].Key) || node.Taints[t].Effect == TaintEffect.Unknown)
                {
                    errors.Add(new($"{field}.{nameof(NodeInfo.Taints)}[{t}]", "needs a key and an effect"));
                }
            }
        }

        var instanceIds = new HashSet<string>(StringComparer.Ordinal);
        var perNode = new Dictionary<string, ResourceVector>(StringComparer.Ordinal);
        for (var i = 0; i < snapshot.Instances.Count; i++)
        {
            var instance = snapshot.Instances[i];
            var field = $"{nameof(ClusterSnapshot.Instances)}[{i}]";
            if (string.IsNullOrEmpty(instance.Id) || !instanceIds.Add(instance.Id))
            {
                errors.Add(new($"{field}.{nameof(RunningInstance.Id)}", $"must be non-empty and unique ('{instance.Id}')"));
            }

            if (string.IsNullOrEmpty(instance.WorkloadId))
            {
                errors.Add(new($"{field}.{nameof(RunningInstance.WorkloadId)}", "must not be empty"));
            }

            if (instance.Resources.HasNegative)
            {
                errors.Add(new($"{field}.{nameof(RunningInstance.Resources)}", "must not be negative"));
            }

            if (!nodeIds.Contains(instance.NodeId))
            {
                errors.Add(new($"{field}.{nameof(RunningInstance.NodeId)}", $"unknown node '{instance.NodeId}'"));
                continue;
            }

            perNode[instance.NodeId] = perNode.GetValueOrDefault(instance.NodeId) + instance.Resources;
        }

        for (var i = 0; i < snapshot.Nodes.Count; i++)
        {
            var node = snapshot.Nodes[i];
            if (node.Id is not null && perNode.TryGetValue(node.Id, out var used) && !used.FitsWithin(node.Allocated))
            {
                errors.Add(new($"{nameof(ClusterSnapshot.Nodes)}[{i}].{nameof(NodeInfo.Allocated)}", "is less than the sum of the node's instances"));
            }
        }

        return errors;
    }
}
