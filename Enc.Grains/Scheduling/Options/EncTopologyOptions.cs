namespace Enc.Grains.Scheduling;

/// <summary>
/// Options of topology awareness, bound from <see cref="SectionName"/> (environment variables
/// <c>ENC_TOPOLOGY__*</c>): how often each agent measures round trips to the other nodes.
/// </summary>
public sealed class EncTopologyOptions
{
    /// <summary>Configuration section the options bind from.</summary>
    public const string SectionName = "Enc:Topology";

    /// <summary>Interval between two measurement rounds of a node's agent; samples older than three intervals are dropped.</summary>
    /// <value>Defaults to 10 seconds.</value>
    public TimeSpan LatencyProbeInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one ping may take before it counts as failed (the pair is then left unmeasured).</summary>
    /// <value>Defaults to 2 seconds.</value>
    public TimeSpan LatencyProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
