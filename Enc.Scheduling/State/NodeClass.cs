namespace Enc.Scheduling.State;

/// <summary>
/// Nodes with identical labels, taints, zone, region and status. Class-scoped filters run once per class.
/// </summary>
/// <remarks>
/// Like Nomad's computed node class: real clusters have thousands of nodes but few distinct shapes
/// of labels and taints, so class verdicts turn most filtering into an array lookup.
/// </remarks>
public sealed class NodeClass
{
    internal NodeClass(int index, NodeInfo representative, int zoneIndex)
    {
        Index = index;
        Labels = representative.Labels;
        Taints = representative.Taints;
        Zone = representative.Zone;
        Region = representative.Region;
        Status = representative.Status;
        ZoneIndex = zoneIndex;
    }

    /// <summary>Class ordinal.</summary>
    public int Index { get; }

    /// <summary>Shared node labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>Shared taints.</summary>
    public IReadOnlyList<Taint> Taints { get; }

    /// <summary>Shared zone (empty when none).</summary>
    public string Zone { get; }

    /// <summary>Zone ordinal in <see cref="SchedulerState.Zones"/>, or -1 when the class has no zone.</summary>
    public int ZoneIndex { get; }

    /// <summary>Shared region.</summary>
    public string Region { get; }

    /// <summary>Shared status.</summary>
    public NodeStatus Status { get; }

    /// <summary>Number of nodes in the class.</summary>
    public int NodeCount { get; internal set; }

    /// <summary>A readable description for explanations, e.g. <c>zone=a, gpu=true, taints=[dedicated=db:NoSchedule]</c>.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Zone.Length > 0)
        {
            parts.Add("zone=" + Zone);
        }

        foreach (var pair in Labels.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            parts.Add(pair.Key + "=" + pair.Value);
        }

        if (Taints.Count > 0)
        {
            parts.Add("taints=[" + string.Join(",", Taints.Select(t => $"{t.Key}={t.Value}:{t.Effect}")) + "]");
        }

        if (Status != NodeStatus.Ready)
        {
            parts.Add("status=" + Status);
        }

        return parts.Count == 0 ? "(no labels)" : string.Join(", ", parts);
    }
}
