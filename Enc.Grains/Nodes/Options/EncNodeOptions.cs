namespace Enc.Grains.Nodes.Options;

/// <summary>
/// Options of the node agent and node health monitor, bound from configuration section
/// <see cref="SectionName"/> (environment variables <c>ENC_NODES__*</c>).
/// </summary>
public sealed class EncNodeOptions
{
    /// <summary>Configuration section the options bind from.</summary>
    public const string SectionName = "Enc:Nodes";

    /// <summary>How often the agent heartbeats.</summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Silence after which a Ready node becomes NotReady.</summary>
    /// <value>Defaults to 15 seconds (three missed heartbeats).</value>
    public TimeSpan NotReadyAfter { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Silence after which a node becomes Down.</summary>
    /// <value>Defaults to 60 seconds.</value>
    public TimeSpan DownAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the monitor re-evaluates every node.</summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan MonitorInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often each node's reservation audit runs (<see cref="Interfaces.Nodes.Reservations.INodeReservationAuditGrain"/>):
    /// reservations older than <see cref="ReservationAuditGracePeriod"/>, and instance entries without a reservation,
    /// are checked with the workload that made them and released when it no longer holds them. The first audit runs
    /// <see cref="ReservationAuditInitialDelay"/> after the node grain activates.
    /// </summary>
    /// <value>Defaults to 5 minutes.</value>
    public TimeSpan ReservationAuditInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after the node grain activates its first reservation audit runs (then every <see cref="ReservationAuditInterval"/>).</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan ReservationAuditInitialDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Age below which a reservation is never audited, so that a placement in progress (reserved on the node, not
    /// yet recorded by its workload) is never judged orphaned.
    /// </summary>
    /// <value>Defaults to 10 minutes.</value>
    /// <remarks>
    /// Must exceed the longest a workload operation can take between reserving on a node and recording it: the
    /// silo's response timeout (Orleans default 30 seconds) for each node call of the placement, plus its state write.
    /// </remarks>
    public TimeSpan ReservationAuditGracePeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the audit waits for a workload's answer; a workload that does not answer in time keeps its reservation until the next audit.</summary>
    /// <value>Defaults to 10 seconds.</value>
    public TimeSpan ReservationAuditQueryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Directory whose file system's size is reported as the node's disk capacity.</summary>
    /// <value>Defaults to the current directory; the silo sets it to its data directory.</value>
    public string DataDirectory { get; set; } = ".";

    /// <summary>Labels reported in the node's capabilities.</summary>
    /// <value>Defaults to none.</value>
    public Dictionary<string, string> Labels { get; set; } = [];

    /// <summary>Availability zone of the node.</summary>
    /// <value>Defaults to empty (unknown).</value>
    public string Zone { get; set; } = "";

    /// <summary>Region of the node.</summary>
    /// <value>Defaults to empty (unknown).</value>
    public string Region { get; set; } = "";

    /// <summary>Weight of the node in consensus votes.</summary>
    /// <value>Defaults to 1.</value>
    public int ConsensusWeight { get; set; } = 1;

    /// <summary>Network bandwidth capacity in bits per second; 0 means detect from the host's interfaces.</summary>
    /// <value>Defaults to 0 (detect).</value>
    public long NetworkBitsPerSecond { get; set; }

    /// <summary>Docker engine endpoint probed to decide whether the <c>docker</c> driver is available.</summary>
    /// <value>Defaults to <c>unix:///var/run/docker.sock</c>.</value>
    public string DockerEndpoint { get; set; } = "unix:///var/run/docker.sock";
}
