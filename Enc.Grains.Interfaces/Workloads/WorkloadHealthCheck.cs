namespace Enc.Grains.Interfaces.Workloads;

/// <summary>
/// A periodic probe of a running instance. After <see cref="FailureThreshold"/> consecutive failures
/// the agent restarts the instance (subject to its restart policy's backoff).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Workloads.WorkloadHealthCheck")]
public sealed record WorkloadHealthCheck
{
    /// <summary>How to probe.</summary>
    [Id(0)] public required HealthCheckType Type { get; init; }

    /// <summary>Exec only: the command run inside the instance.</summary>
    [Id(1)] public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>TCP/HTTP: a static port number, or 0 when <see cref="PortName"/> names a declared port.</summary>
    [Id(2)] public int Port { get; init; }

    /// <summary>TCP/HTTP: the name of a declared port (needed for assigned ports).</summary>
    [Id(3)] public string? PortName { get; init; }

    /// <summary>HTTP only: the request path, starting with '/'.</summary>
    [Id(4)] public string Path { get; init; } = "/";

    /// <summary>Time between probes.</summary>
    [Id(5)] public required TimeSpan Interval { get; init; }

    /// <summary>A probe that takes longer fails.</summary>
    [Id(6)] public required TimeSpan Timeout { get; init; }

    /// <summary>Consecutive failures that make the instance unhealthy.</summary>
    [Id(7)] public required int FailureThreshold { get; init; }

    /// <summary>Time after start before the first probe.</summary>
    [Id(8)] public TimeSpan InitialDelay { get; init; }
}
