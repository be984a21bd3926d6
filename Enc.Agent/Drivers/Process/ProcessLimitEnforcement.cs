namespace Enc.Agent.Drivers.Process;

/// <summary>How the process driver enforces an instance's CPU and memory on this host.</summary>
public enum ProcessLimitEnforcement
{
    /// <summary>Nothing enforced (no writable cgroup hierarchy and no shell <c>ulimit</c>).</summary>
    None = 0,

    /// <summary>Memory as an address-space rlimit (<c>ulimit -v</c>); CPU not enforced.</summary>
    AddressSpaceRlimit = 1,

    /// <summary>
    /// cgroup v1: <c>memory.limit_in_bytes</c>, <c>cpu.shares</c> from the CPU request, and
    /// <c>cpu.cfs_quota_us</c>/<c>cpu.cfs_period_us</c> only for a CPU limit.
    /// </summary>
    CgroupV1 = 2,

    /// <summary>cgroup v2: <c>memory.max</c>, <c>cpu.weight</c> from the CPU request, and <c>cpu.max</c> (a quota only for a CPU limit).</summary>
    CgroupV2 = 3,
}
