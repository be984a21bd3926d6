namespace Enc.Agent.Drivers.Process;

/// <summary>How the process driver enforces an instance's CPU and memory on this host.</summary>
public enum ProcessLimitEnforcement
{
    /// <summary>Nothing enforced (no writable cgroup hierarchy and no shell <c>ulimit</c>).</summary>
    None = 0,

    /// <summary>Memory as an address-space rlimit (<c>ulimit -v</c>); CPU not enforced.</summary>
    AddressSpaceRlimit = 1,

    /// <summary>cgroup v1: <c>memory.limit_in_bytes</c> and <c>cpu.cfs_quota_us</c>/<c>cpu.cfs_period_us</c>.</summary>
    CgroupV1 = 2,

    /// <summary>cgroup v2: <c>memory.max</c> and <c>cpu.max</c>.</summary>
    CgroupV2 = 3,
}
