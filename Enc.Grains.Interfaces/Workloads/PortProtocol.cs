namespace Enc.Grains.Interfaces.Workloads;

/// <summary>Transport protocol of a host port.</summary>
[GenerateSerializer]
[Alias("Enc.Workloads.PortProtocol")]
public enum PortProtocol
{
    /// <summary>Not set; never valid in a submitted spec.</summary>
    Invalid = 0,

    /// <summary>TCP (spec value <c>tcp</c>, the default).</summary>
    Tcp = 1,

    /// <summary>UDP (spec value <c>udp</c>).</summary>
    Udp = 2,
}
