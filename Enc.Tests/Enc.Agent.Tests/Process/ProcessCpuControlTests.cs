using System.Globalization;
using Enc.Agent.Drivers;
using Enc.Agent.Drivers.Process;
using Enc.Agent.Tests.Support;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Tests.Process;

/// <summary>
/// The process driver's CPU controls in the kernel's own cgroups: the request is a weight that never caps a
/// task, an explicit limit is a CFS quota the kernel enforces.
/// </summary>
public sealed class ProcessCpuControlTests
{
    private static readonly TimeSpan BusyWindow = TimeSpan.FromSeconds(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RequestIsAWeightAndOnlyTheLimitThrottles()
    {
        await using var scope = new ProcessScope();
        var driver = scope.NewDriver();
        Assert.Contains(driver.Enforcement, new[] { ProcessLimitEnforcement.CgroupV1, ProcessLimitEnforcement.CgroupV2 });
        var busy = "while :; do :; done";
        var uncapped = TestSpecs.Process("uncapped", busy) with { Resources = new WorkloadResources { CpuMillicores = 10, MemoryBytes = 64L << 20 } };
        var capped = TestSpecs.Process("capped", busy) with
        {
            Resources = new WorkloadResources { CpuMillicores = 10, CpuLimitMillicores = 100, MemoryBytes = 64L << 20 },
        };

        var free = await driver.StartAsync(new TaskLaunch { InstanceId = TestSpecs.InstanceId("uncapped"), Spec = uncapped }, Ct);
        var held = await driver.StartAsync(new TaskLaunch { InstanceId = TestSpecs.InstanceId("capped"), Spec = capped }, Ct);
        var freeGroup = CpuGroup(driver.Enforcement, WrapperPid(scope, free.TaskId));
        var heldGroup = CpuGroup(driver.Enforcement, WrapperPid(scope, held.TaskId));

        if (driver.Enforcement == ProcessLimitEnforcement.CgroupV1)
        {
            Assert.Equal(["10", "-1"], [Read(freeGroup, "cpu.shares"), Read(freeGroup, "cpu.cfs_quota_us")]);
            Assert.Equal(["10", "10000", "100000"], [Read(heldGroup, "cpu.shares"), Read(heldGroup, "cpu.cfs_quota_us"), Read(heldGroup, "cpu.cfs_period_us")]);
        }
        else
        {
            Assert.Equal(["1", "max 100000"], [Read(freeGroup, "cpu.weight"), Read(freeGroup, "cpu.max")]);
            Assert.Equal(["1", "10000 100000"], [Read(heldGroup, "cpu.weight"), Read(heldGroup, "cpu.max")]);
        }

        // Both spin for the same window on the same (shared) machine.
        var freeBefore = GroupCpuTicks(freeGroup);
        var heldBefore = GroupCpuTicks(heldGroup);
        await Task.Delay(BusyWindow, Ct);
        var freeSeconds = (GroupCpuTicks(freeGroup) - freeBefore) / 100.0;
        var heldSeconds = (GroupCpuTicks(heldGroup) - heldBefore) / 100.0;

        // The limit: 10 ms per 100 ms period, so at most ~0.2 s in 2 s (plus tick granularity). A task that
        // reached its quota was throttled; on a machine too busy to give it even 10 ms a period it is not.
        Assert.True(heldSeconds <= 0.35, $"capped task used {heldSeconds:0.00} s of CPU in {BusyWindow.TotalSeconds} s under a 100m limit");
        Assert.True(ThrottledPeriods(heldGroup) > 0 || heldSeconds < 0.15, $"the capped task used {heldSeconds:0.00} s and was never throttled");

        // The request alone never throttles (no quota at all), and the task used more than its 10m (0.02 s in 2 s).
        Assert.Equal(0, ThrottledPeriods(freeGroup));
        Assert.True(freeSeconds > 0.06, $"uncapped task used only {freeSeconds:0.00} s of CPU in {BusyWindow.TotalSeconds} s");

        await driver.RemoveAsync(free.TaskId, Ct);
        await driver.RemoveAsync(held.TaskId, Ct);
    }

    public static TheoryData<string, long, long?, string[], string> FakeTreeCases => new()
    {
        { "v1 request only", 250, null, ["cpu/enc/{0}/cpu.shares=256", "cpu/enc/{0}/cpu.cfs_quota_us=-1", "cpu/enc/{0}/cpu.cfs_period_us=100000"], "v1" },
        { "v1 request and limit", 250, 500, ["cpu/enc/{0}/cpu.shares=256", "cpu/enc/{0}/cpu.cfs_quota_us=50000", "memory/enc/{0}/memory.limit_in_bytes=67108864"], "v1" },
        { "v1 tiny request", 1, 10, ["cpu/enc/{0}/cpu.shares=2", "cpu/enc/{0}/cpu.cfs_quota_us=1000"], "v1" },
        { "v2 request only", 250, null, ["enc/{0}/cpu.weight=10", "enc/{0}/cpu.max=max 100000", "enc/{0}/memory.max=67108864"], "v2" },
        { "v2 request and limit", 1000, 2500, ["enc/{0}/cpu.weight=39", "enc/{0}/cpu.max=250000 100000"], "v2" },
        { "v2 huge request", 300_000, null, ["enc/{0}/cpu.weight=10000", "enc/{0}/cpu.max=max 100000"], "v2" },
    };

    [Theory]
    [MemberData(nameof(FakeTreeCases))]
    public void LimiterWritesWeightsAndQuotasInAFakeCgroupTree(string description, long request, long? limit, string[] expected, string version)
    {
        // A cgroup layout in a temporary folder (not the kernel's: this host has one cgroup version only),
        // so both versions' files are checked for the exact values written.
        var root = Directory.CreateTempSubdirectory("enc-fake-cgroup-").FullName;
        try
        {
            if (version == "v1")
            {
                Directory.CreateDirectory(Path.Combine(root, "memory"));
                Directory.CreateDirectory(Path.Combine(root, "cpu"));
                File.WriteAllText(Path.Combine(root, "memory", "memory.limit_in_bytes"), "");
                File.WriteAllText(Path.Combine(root, "cpu", "cpu.cfs_quota_us"), "");
            }
            else
            {
                File.WriteAllText(Path.Combine(root, "cgroup.controllers"), "cpuset cpu io memory pids");
            }

            var limiter = new ProcessResourceLimiter(new ProcessDriverOptions { DataDirectory = root, CgroupRoot = root });
            Assert.Equal(version == "v1" ? ProcessLimitEnforcement.CgroupV1 : ProcessLimitEnforcement.CgroupV2, limiter.Enforcement);
            var taskId = TestSpecs.InstanceId("fake");
            if (version == "v1")
            {
                // A group left over with a stale quota must not keep it.
                Directory.CreateDirectory(Path.Combine(root, "cpu", "enc", taskId));
                File.WriteAllText(Path.Combine(root, "cpu", "enc", taskId, "cpu.cfs_quota_us"), "5000");
            }

            limiter.Prepare(taskId, new WorkloadResources { CpuMillicores = request, CpuLimitMillicores = limit, MemoryBytes = 64L << 20 });

            foreach (var pair in expected.Select(e => string.Format(CultureInfo.InvariantCulture, e, taskId).Split('=', 2)))
            {
                Assert.True(File.Exists(Path.Combine(root, pair[0])), $"{description}: {pair[0]} not written");
                Assert.Equal(pair[1], File.ReadAllText(Path.Combine(root, pair[0])).Trim());
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static int WrapperPid(ProcessScope scope, string taskId) =>
        int.Parse(File.ReadAllText(Path.Combine(scope.DataDirectory, "tasks", taskId, "pid")).Trim(), CultureInfo.InvariantCulture);

    private static string CpuGroup(ProcessLimitEnforcement enforcement, int pid)
    {
        var lines = File.ReadAllLines($"/proc/{pid}/cgroup").Select(l => l.Split(':', 3)).ToList();
        return enforcement == ProcessLimitEnforcement.CgroupV1
            ? "/sys/fs/cgroup/cpu" + lines.Single(p => p[1].Split(',').Contains("cpu"))[2]
            : "/sys/fs/cgroup" + lines.Single(p => p[0] == "0")[2];
    }

    private static string Read(string group, string file) => File.ReadAllText(Path.Combine(group, file)).Trim();

    private static long ThrottledPeriods(string group) =>
        long.Parse(File.ReadAllLines(Path.Combine(group, "cpu.stat")).Single(l => l.StartsWith("nr_throttled ", StringComparison.Ordinal))[13..], CultureInfo.InvariantCulture);

    /// <summary>User plus system clock ticks (1/100 s) of every process now in the group.</summary>
    private static long GroupCpuTicks(string group)
    {
        long total = 0;
        foreach (var line in File.ReadAllLines(Path.Combine(group, "cgroup.procs")))
        {
            string stat;
            try
            {
                stat = File.ReadAllText($"/proc/{line.Trim()}/stat");
            }
            catch (IOException)
            {
                continue;
            }

            // Fields after "(comm) ": state is field 3, utime and stime are fields 14 and 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            total += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }

        return total;
    }
}
