namespace Enc.Agent.Drivers.Docker;

/// <summary>Settings of the <see cref="DockerDriver"/>.</summary>
public sealed class DockerDriverOptions
{
    /// <summary>Engine endpoint. <value>Default <c>unix:///var/run/docker.sock</c>.</value></summary>
    public Uri Endpoint { get; set; } = new("unix:///var/run/docker.sock");

    /// <summary>
    /// Node whose containers this driver owns (label <c>enc.node</c>); agents sharing one engine (several
    /// silos on one host) see only their own. <value>Default: the host name.</value>
    /// </summary>
    public string NodeName { get; set; } = Environment.MachineName;

    /// <summary>
    /// Run the engine's init process as PID 1 (<c>docker run --init</c>) so that the stop signal reaches the
    /// command and zombies are reaped. <value>Default true.</value>
    /// </summary>
    public bool UseInit { get; set; } = true;

    /// <summary>
    /// CPUs of the engine's host (default: this process's view, the agent runs beside the engine). A CPU
    /// limit above it is applied as all of them: the engine refuses a quota of more CPUs than it has, and
    /// such a limit caps nothing anyway.
    /// </summary>
    public int HostCpuCount { get; set; } = Environment.ProcessorCount;

    /// <summary>Timeout of one engine API request (not of log follows). <value>Default 30 s.</value></summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Per-container json-file log size before rotation. <value>Default <c>10m</c>.</value></summary>
    public string LogMaxSize { get; set; } = "10m";

    /// <summary>Rotated json-file log files kept per container. <value>Default 3.</value></summary>
    public int LogMaxFiles { get; set; } = 3;
}
