namespace Enc.Grains.Interfaces.Workloads;

/// <summary>How a health check probes an instance.</summary>
[GenerateSerializer]
[Alias("Enc.Workloads.HealthCheckType")]
public enum HealthCheckType
{
    /// <summary>Not set; never valid in a submitted spec.</summary>
    Invalid = 0,

    /// <summary>Run a command inside the instance (through its driver); exit code 0 is healthy.</summary>
    Exec = 1,

    /// <summary>Open a TCP connection to <c>127.0.0.1:port</c>; a completed connect is healthy.</summary>
    Tcp = 2,

    /// <summary>HTTP GET on <c>http://127.0.0.1:port/path</c>; a 2xx or 3xx status is healthy.</summary>
    Http = 3,
}
