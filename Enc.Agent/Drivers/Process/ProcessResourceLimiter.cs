using System.Globalization;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Drivers.Process;

/// <summary>
/// Puts a task's CPU and memory controls in place before it runs: a cgroup per task when the cgroup
/// filesystem is writable (v1: memory and cpu controllers; v2: memory.max, cpu.weight and cpu.max), otherwise
/// an address-space rlimit applied by the launch wrapper. The CPU request becomes a relative weight
/// (<c>cpu.shares</c>/<c>cpu.weight</c>); a hard quota is written only for an explicit CPU limit.
/// </summary>
internal sealed class ProcessResourceLimiter
{
    private readonly ProcessDriverOptions _options;

    public ProcessResourceLimiter(ProcessDriverOptions options)
    {
        _options = options;
        Enforcement = Detect();
    }

    /// <summary>What this host allows.</summary>
    public ProcessLimitEnforcement Enforcement { get; }

    /// <summary>Creates the task's cgroups with its limits; returns the directories whose <c>cgroup.procs</c> the wrapper joins.</summary>
    public IReadOnlyList<string> Prepare(string taskId, WorkloadResources resources)
    {
        var quota = resources.CpuLimitMillicores is { } limit ? CpuCgroupValues.QuotaMicrosecondsFor(limit) : (long?)null;
        switch (Enforcement)
        {
            case ProcessLimitEnforcement.CgroupV1:
                var memory = CreateGroup(Path.Combine(_options.CgroupRoot, "memory"), taskId);
                Write(memory, "memory.limit_in_bytes", resources.MemoryBytes);
                var cpu = CreateGroup(Path.Combine(_options.CgroupRoot, "cpu"), taskId);
                Write(cpu, "cpu.shares", CpuCgroupValues.SharesFor(resources.CpuMillicores));
                Write(cpu, "cpu.cfs_period_us", CpuCgroupValues.CfsPeriodMicroseconds);

                // -1 = no quota; written explicitly so a group left over from an earlier run keeps no stale cap.
                Write(cpu, "cpu.cfs_quota_us", quota ?? -1);
                return [memory, cpu];
            case ProcessLimitEnforcement.CgroupV2:
                var parent = Path.Combine(_options.CgroupRoot, _options.CgroupParent);
                Directory.CreateDirectory(parent);
                File.WriteAllText(Path.Combine(parent, "cgroup.subtree_control"), "+cpu +memory");
                var group = Path.Combine(parent, taskId);
                Directory.CreateDirectory(group);
                Write(group, "memory.max", resources.MemoryBytes);
                Write(group, "cpu.weight", CpuCgroupValues.WeightFor(resources.CpuMillicores));
                var max = quota is { } q ? q.ToString(CultureInfo.InvariantCulture) : "max";
                File.WriteAllText(Path.Combine(group, "cpu.max"), $"{max} {CpuCgroupValues.CfsPeriodMicroseconds.ToString(CultureInfo.InvariantCulture)}");
                return [group];
            default:
                return [];
        }
    }

    /// <summary>Pids still in the task's cgroups (processes that left the task's process group).</summary>
    public IEnumerable<int> Members(IReadOnlyList<string> groups)
    {
        foreach (var group in groups)
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(Path.Combine(group, "cgroup.procs"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var line in lines)
            {
                if (int.TryParse(line, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
                {
                    yield return pid;
                }
            }
        }
    }

    /// <summary>Removes the task's cgroups (possible once empty); leftovers are retried on the next removal.</summary>
    public static void Release(IReadOnlyList<string> groups)
    {
        foreach (var group in groups)
        {
            try
            {
                Directory.Delete(group);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Still has members or already gone; a cgroup directory holds no data to lose.
            }
        }
    }

    private ProcessLimitEnforcement Detect()
    {
        var root = _options.CgroupRoot;
        if (File.Exists(Path.Combine(root, "cgroup.controllers")))
        {
            var controllers = File.ReadAllText(Path.Combine(root, "cgroup.controllers"));
            if (controllers.Contains("memory", StringComparison.Ordinal) && controllers.Contains("cpu", StringComparison.Ordinal)
                && CanCreate(Path.Combine(root, _options.CgroupParent)))
            {
                return ProcessLimitEnforcement.CgroupV2;
            }
        }
        else if (File.Exists(Path.Combine(root, "memory", "memory.limit_in_bytes")) && File.Exists(Path.Combine(root, "cpu", "cpu.cfs_quota_us"))
                 && CanCreate(Path.Combine(root, "memory", _options.CgroupParent)) && CanCreate(Path.Combine(root, "cpu", _options.CgroupParent)))
        {
            return ProcessLimitEnforcement.CgroupV1;
        }

        return File.Exists(_options.Shell) ? ProcessLimitEnforcement.AddressSpaceRlimit : ProcessLimitEnforcement.None;
    }

    private string CreateGroup(string controllerRoot, string taskId)
    {
        var group = Path.Combine(controllerRoot, _options.CgroupParent, taskId);
        Directory.CreateDirectory(group);
        return group;
    }

    private static bool CanCreate(string parent)
    {
        try
        {
            Directory.CreateDirectory(parent);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void Write(string group, string file, long value) =>
        File.WriteAllText(Path.Combine(group, file), value.ToString(CultureInfo.InvariantCulture));
}
