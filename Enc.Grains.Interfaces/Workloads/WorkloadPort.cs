namespace Enc.Grains.Interfaces.Workloads;

/// <summary>
/// A host port the instance listens on. Instances with ports use host networking, so the port is the
/// same inside and outside. Port 0 means "assign": the node assigns a free port from its configured
/// range and passes it to the instance as <c>ENC_PORT_&lt;NAME&gt;</c>.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Workloads.WorkloadPort")]
public sealed record WorkloadPort
{
    /// <summary>Port name, unique in the spec (lowercase letters, digits and '-', at most 15 characters).</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>Static host port 1–65535, or 0 to have one assigned.</summary>
    [Id(1)] public required int Port { get; init; }

    /// <summary>Transport protocol.</summary>
    [Id(2)] public PortProtocol Protocol { get; init; } = PortProtocol.Tcp;
}
