namespace Enc.Grains.Workloads.Options;

/// <summary>Options of workload agents and placement, bound from <see cref="SectionName"/> (env <c>ENC_WORKLOADS__*</c>).</summary>
public sealed class EncWorkloadOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Enc:Workloads";

    /// <summary>Time between reconcile passes (a change assigned to the node triggers one at once). <value>Default 2 s.</value></summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often Down nodes are looked for and their instances rescheduled. <value>Default 5 s.</value></summary>
    public TimeSpan FailoverInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First host port handed out for <c>port: assign</c>. <value>Default 20000.</value></summary>
    public int PortRangeStart { get; set; } = 20000;

    /// <summary>Last host port handed out for <c>port: assign</c>. <value>Default 32000.</value></summary>
    public int PortRangeEnd { get; set; } = 32000;

    /// <summary>Docker engine endpoint. <value>Default <c>unix:///var/run/docker.sock</c>.</value></summary>
    public string DockerEndpoint { get; set; } = "unix:///var/run/docker.sock";

    /// <summary>Grace period for tasks no longer assigned to the node. <value>Default 10 s.</value></summary>
    public TimeSpan OrphanGracePeriod { get; set; } = TimeSpan.FromSeconds(10);
}
