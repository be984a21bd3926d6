namespace Enc.Grains.Workloads.Options;

/// <summary>Options of workload agents and placement, bound from <see cref="SectionName"/> (env <c>ENC_WORKLOADS__*</c>).</summary>
public sealed class EncWorkloadOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Enc:Workloads";

    /// <summary>The smallest accepted <see cref="ReleaseRetryReminderPeriod"/>: one minute.</summary>
    public static readonly TimeSpan MinimumReleaseRetryReminderPeriod = TimeSpan.FromMinutes(1);

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

    /// <summary>
    /// How long a workload waits for one node to give back one instance's reservation before it leaves that
    /// release pending for a later retry. <value>Default 5 s.</value>
    /// </summary>
    /// <remarks>
    /// Releases of one settle run side by side, so this bounds the whole release step of an operation or a
    /// retry, however many nodes are involved: a node whose grains stopped answering (rather than failing fast)
    /// delays its workload's calls by at most this much, instead of a response timeout per pending release. The
    /// call that timed out may still complete on the node; every release is idempotent, so the retry finds it done.
    /// </remarks>
    public TimeSpan ReleaseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Period of a workload's retry timer, which runs while some instance waits for placement or for its node
    /// release (or a deletion waits for its final write). <value>Default 30 s.</value>
    /// </summary>
    /// <remarks>
    /// Pending releases left by earlier operations are retried only here (and by the durable reminder
    /// <c>enc.workloads.release-retry</c>, every <see cref="ReleaseRetryReminderPeriod"/>), never inside a user's
    /// apply, stop, delete, eviction or an agent report.
    /// </remarks>
    public TimeSpan PendingRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Period of the durable reminder <c>enc.workloads.release-retry</c>, which exists while a workload has a
    /// release pending (or a deletion waits to finish) and wakes the workload after a deactivation or a silo
    /// crash. <value>Default 1 minute; at least <see cref="MinimumReleaseRetryReminderPeriod"/>.</value>
    /// </summary>
    /// <remarks>Orleans reminders are meant for periods of a minute or more; the retry timer covers shorter ones.</remarks>
    public TimeSpan ReleaseRetryReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
