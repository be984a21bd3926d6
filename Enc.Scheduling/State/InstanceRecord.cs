namespace Enc.Scheduling.State;

/// <summary>An instance as the scheduler's working state tracks it.</summary>
public sealed class InstanceRecord
{
    internal InstanceRecord(RunningInstance instance, int node)
    {
        Instance = instance;
        Node = node;
    }

    /// <summary>The instance.</summary>
    public RunningInstance Instance { get; }

    /// <summary>Node ordinal.</summary>
    public int Node { get; }

    /// <summary>False once the instance was evicted by preemption in this scheduler's view.</summary>
    public bool Alive { get; internal set; } = true;
}
