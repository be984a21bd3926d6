namespace Enc.Scheduling.Explain;

/// <summary>The instance-id convention of scheduler placements: <c>{workloadId}/{replicaIndex}</c>.</summary>
public static class InstanceIds
{
    /// <summary>The id of replica <paramref name="replicaIndex"/> of <paramref name="workloadId"/>.</summary>
    public static string For(string workloadId, int replicaIndex) => string.Create(null, stackalloc char[64], $"{workloadId}/{replicaIndex}");
}
