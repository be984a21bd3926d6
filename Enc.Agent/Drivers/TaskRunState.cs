namespace Enc.Agent.Drivers;

/// <summary>What a driver observes about a task.</summary>
public enum TaskRunState
{
    /// <summary>Not observed; never returned by a driver.</summary>
    Unknown = 0,

    /// <summary>Created but not yet started.</summary>
    Created = 1,

    /// <summary>Running.</summary>
    Running = 2,

    /// <summary>Exited; the exit code is known when the driver recorded it.</summary>
    Exited = 3,

    /// <summary>The task no longer exists on the node.</summary>
    NotFound = 4,
}
