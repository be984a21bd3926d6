namespace Enc.Agent.Drivers;

/// <summary>
/// Turns a workload's CPU request and optional limit into the kernel's cgroup CPU controls, the same way for
/// every driver: the request becomes a relative weight (cgroup v1 <c>cpu.shares</c>, v2 <c>cpu.weight</c>)
/// and only an explicit limit becomes a hard CFS quota.
/// </summary>
/// <remarks>
/// A request enforced as a quota throttles a container's own start-up (runc's init and the first exec run
/// inside the cgroup), so a 10m workload needed seconds to start; shares only matter under contention.
/// The conversions are the ones Kubernetes and runc use, so a value reads the same on every orchestrator:
/// shares = millicores × 1024 / 1000 within [2, 262144]; weight = 1 + (shares − 2) × 9999 / 262142.
/// </remarks>
public static class CpuCgroupValues
{
    /// <summary>CFS period for hard limits (100 ms, the kernel's and Docker's default).</summary>
    public const long CfsPeriodMicroseconds = 100_000;

    /// <summary>Smallest CFS quota the kernel accepts (1 ms).</summary>
    public const long MinCfsQuotaMicroseconds = 1_000;

    /// <summary>Smallest cgroup v1 <c>cpu.shares</c> value the kernel accepts.</summary>
    public const long MinShares = 2;

    /// <summary>Largest cgroup v1 <c>cpu.shares</c> value the kernel accepts.</summary>
    public const long MaxShares = 262_144;

    /// <summary>The cgroup v1 <c>cpu.shares</c> for a request (1024 per core).</summary>
    public static long SharesFor(long requestMillicores) =>
        Math.Clamp(requestMillicores * 1024 / 1000, MinShares, MaxShares);

    /// <summary>The cgroup v2 <c>cpu.weight</c> (1-10000) for a request, mapped from its shares.</summary>
    public static long WeightFor(long requestMillicores) =>
        1 + (SharesFor(requestMillicores) - MinShares) * 9_999 / (MaxShares - MinShares);

    /// <summary>The CFS quota per <see cref="CfsPeriodMicroseconds"/> for a hard limit (at least 1 ms).</summary>
    public static long QuotaMicrosecondsFor(long limitMillicores) =>
        Math.Max(limitMillicores * CfsPeriodMicroseconds / 1000, MinCfsQuotaMicroseconds);
}
