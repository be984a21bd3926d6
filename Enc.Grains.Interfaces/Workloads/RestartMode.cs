namespace Enc.Grains.Interfaces.Workloads;

/// <summary>When an exited instance is started again.</summary>
[GenerateSerializer]
[Alias("Enc.Workloads.RestartMode")]
public enum RestartMode
{
    /// <summary>Not set; never valid in a submitted spec.</summary>
    Invalid = 0,

    /// <summary>Restart after every exit, successful or not.</summary>
    Always = 1,

    /// <summary>Restart only after a non-zero exit code, a signal, or a failed health check.</summary>
    OnFailure = 2,

    /// <summary>Never restart; the instance ends Succeeded or Failed.</summary>
    Never = 3,
}
