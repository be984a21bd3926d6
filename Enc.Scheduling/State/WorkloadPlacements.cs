namespace Enc.Scheduling.State;

/// <summary>Where one workload's instances are: per-zone counts maintained incrementally, and the instance list.</summary>
public sealed class WorkloadPlacements
{
    internal WorkloadPlacements(int zoneCount) => ZoneCounts = new int[zoneCount];

    /// <summary>Live instances per zone ordinal.</summary>
    public int[] ZoneCounts { get; }

    /// <summary>Instance ordinals (check <see cref="InstanceRecord.Alive"/>).</summary>
    public List<int> Instances { get; } = [];

    /// <summary>Live instance count.</summary>
    public int LiveCount { get; internal set; }
}
