using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Drivers.Docker;

/// <summary>
/// The only Docker network modes ENC uses. Bridge and user-defined networks are refused: containers
/// either have no network or share the host's.
/// </summary>
public static class DockerNetworkModes
{
    /// <summary>Docker's name for no networking.</summary>
    public const string None = "none";

    /// <summary>Docker's name for host networking.</summary>
    public const string Host = "host";

    /// <summary>Maps a spec network mode to Docker's; throws <see cref="TaskStartException"/> for anything else.</summary>
    public static string For(WorkloadNetworkMode mode) => mode switch
    {
        WorkloadNetworkMode.None => None,
        WorkloadNetworkMode.Host => Host,
        _ => throw new TaskStartException($"network mode '{mode}' is refused: ENC runs containers with network 'none' or 'host' only"),
    };

    /// <summary>True when a Docker network mode string is one ENC allows.</summary>
    public static bool IsAllowed(string? mode) => mode is None or Host;
}
