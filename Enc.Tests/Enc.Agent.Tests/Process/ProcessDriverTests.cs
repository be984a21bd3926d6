using System.Globalization;
using Enc.Agent.Drivers;
using Enc.Agent.Drivers.Process;
using Enc.Agent.Tests.Docker;
using Enc.Agent.Tests.Support;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Tests.Process;

/// <summary>The process driver on this host: files, limits, signals and adoption.</summary>
public sealed class ProcessDriverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunsToCompletionWithExitCodeAndCapturedOutput()
    {
        await using var scope = new ProcessScope();
        var driver = scope.NewDriver();
        var spec = TestSpecs.Process("job", "echo out-$MODE-$ENC_INSTANCE; echo err >&2; exit 4") with
        {
            Env = new Dictionary<string, string> { ["MODE"] = "x" },
        };
        var id = TestSpecs.InstanceId("job");

        var task = await driver.StartAsync(new TaskLaunch { InstanceId = id, Spec = spec }, Ct);
        var exited = await DockerDriverTests.WaitExitedAsync(driver, task.TaskId);

        Assert.Equal(4, exited.ExitCode);
        Assert.NotNull(exited.FinishedAt);
        Assert.Equal([new LogEntry("stdout", $"out-x-{id}"), new LogEntry("stderr", "err")], await DockerDriverTests.ReadAllAsync(driver, task.TaskId));
        Assert.Equal($"out-x-{id}\n", File.ReadAllText(Path.Combine(scope.DataDirectory, "tasks", id, "stdout.log")));
    }

    [Fact]
    public async Task LimitsAreEnforcedThroughCgroupsWhereWritable()
    {
        await using var scope = new ProcessScope();
        var driver = scope.NewDriver();
        // cpu 250m is a request (shares 256 / weight 10, no quota); memory 64Mi is a hard limit.
        var task = await driver.StartAsync(new TaskLaunch { InstanceId = TestSpecs.InstanceId("limits"), Spec = TestSpecs.Process("limits", "sleep 3600") }, Ct);
        var pid = int.Parse(File.ReadAllText(Path.Combine(scope.DataDirectory, "tasks", task.TaskId, "pid")).Trim(), CultureInfo.InvariantCulture);

        // The host decides what can be enforced; whichever it is must be in force for the task's process
        // as soon as StartAsync returns (the wrapper publishes its pid only after joining its cgroups).
        Assert.NotEqual(ProcessLimitEnforcement.None, driver.Enforcement);
        var cgroups = File.ReadAllLines($"/proc/{pid}/cgroup");
        switch (driver.Enforcement)
        {
            case ProcessLimitEnforcement.CgroupV1:
                var memory = CgroupPath(cgroups, "memory");
                var cpu = CgroupPath(cgroups, "cpu");
                Assert.Equal("/enc/" + task.TaskId, memory);
                Assert.Equal("67108864", File.ReadAllText($"/sys/fs/cgroup/memory{memory}/memory.limit_in_bytes").Trim());
                Assert.Equal("256", File.ReadAllText($"/sys/fs/cgroup/cpu{cpu}/cpu.shares").Trim());
                Assert.Equal("-1", File.ReadAllText($"/sys/fs/cgroup/cpu{cpu}/cpu.cfs_quota_us").Trim());
                break;
            case ProcessLimitEnforcement.CgroupV2:
                var group = cgroups.Single(l => l.StartsWith("0::", StringComparison.Ordinal))[3..];
                Assert.Equal("67108864", File.ReadAllText($"/sys/fs/cgroup{group}/memory.max").Trim());
                Assert.Equal("10", File.ReadAllText($"/sys/fs/cgroup{group}/cpu.weight").Trim());
                Assert.Equal("max 100000", File.ReadAllText($"/sys/fs/cgroup{group}/cpu.max").Trim());
                break;
            default:
                Assert.Contains(File.ReadAllLines($"/proc/{pid}/limits"), l => l.StartsWith("Max address space", StringComparison.Ordinal) && l.Contains("67108864", StringComparison.Ordinal));
                break;
        }

        await driver.RemoveAsync(task.TaskId, Ct);
        Assert.Equal(TaskRunState.NotFound, (await driver.InspectAsync(task.TaskId, Ct)).State);
        Assert.Null(Procfs.LiveStartTicks(pid));
    }

    [Fact]
    public async Task StartFailsWithTheReasonWhenTheTaskCannotJoinItsCgroup()
    {
        // A cgroup v1 layout in a temporary folder (not the kernel's) whose task group refuses the join:
        // its cgroup.procs is a directory, so the wrapper's write fails as a kernel refusal would.
        await using var scope = new ProcessScope();
        var root = Path.Combine(scope.DataDirectory, "fake-cgroup");
        Directory.CreateDirectory(Path.Combine(root, "memory"));
        Directory.CreateDirectory(Path.Combine(root, "cpu"));
        File.WriteAllText(Path.Combine(root, "memory", "memory.limit_in_bytes"), "");
        File.WriteAllText(Path.Combine(root, "cpu", "cpu.cfs_quota_us"), "");
        var id = TestSpecs.InstanceId("nojoin");
        Directory.CreateDirectory(Path.Combine(root, "memory", "enc", id, "cgroup.procs"));
        var driver = new ProcessDriver(new ProcessDriverOptions { DataDirectory = scope.DataDirectory, CgroupRoot = root });
        Assert.Equal(ProcessLimitEnforcement.CgroupV1, driver.Enforcement);

        var error = await Assert.ThrowsAsync<TaskStartException>(() => driver.StartAsync(new TaskLaunch { InstanceId = id, Spec = TestSpecs.Process("nojoin", "echo ran") }, Ct));

        Assert.Contains("cannot join cgroup", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(root, "memory", "enc", id), error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(scope.DataDirectory, "tasks", id, "pid")));
        Assert.Equal("", File.ReadAllText(Path.Combine(scope.DataDirectory, "tasks", id, "stdout.log")));
    }

    [Fact]
    public async Task MemoryLimitKillsAProcessThatExceedsIt()
    {
        await using var scope = new ProcessScope();
        var driver = scope.NewDriver();
        Assert.Contains(driver.Enforcement, new[] { ProcessLimitEnforcement.CgroupV1, ProcessLimitEnforcement.CgroupV2 });

        // Allocate ~100 MiB in the shell under a 16 MiB limit: the kernel's OOM killer ends it (SIGKILL → 137).
        var spec = TestSpecs.Process("hog", "x=$(head -c 104857600 /dev/zero | tr '\\0' 'a'); echo survived") with
        {
            Resources = new WorkloadResources { CpuMillicores = 500, MemoryBytes = 16L << 20 },
        };
        var task = await driver.StartAsync(new TaskLaunch { InstanceId = TestSpecs.InstanceId("hog"), Spec = spec }, Ct);
        var exited = await DockerDriverTests.WaitExitedAsync(driver, task.TaskId);

        Assert.NotEqual(0, exited.ExitCode);
        Assert.DoesNotContain(new LogEntry("stdout", "survived"), await DockerDriverTests.ReadAllAsync(driver, task.TaskId));
    }

    [Fact]
    public async Task StopSignalsTheGroupAndKillsAfterGrace()
    {
        await using var scope = new ProcessScope();
        var driver = scope.NewDriver();
        var polite = await driver.StartAsync(new TaskLaunch { InstanceId = TestSpecs.InstanceId("polite"), Spec = TestSpecs.Process("polite", "sleep 3600") }, Ct);
        var stubborn = await driver.StartAsync(new TaskLaunch
        {
            InstanceId = TestSpecs.InstanceId("stubborn"),
            Spec = TestSpecs.Process("stubborn", "trap 'echo got-term' TERM; while true; do sleep 0.1; done"),
        }, Ct);
        await Task.Delay(300, Ct);

        await driver.StopAsync(polite.TaskId, TimeSpan.FromSeconds(5), Ct);
        var started = DateTime.UtcNow;
        await driver.StopAsync(stubborn.TaskId, TimeSpan.FromSeconds(1), Ct);
        var took = DateTime.UtcNow - started;

        Assert.Equal(143, (await driver.InspectAsync(polite.TaskId, Ct)).ExitCode);
        Assert.Equal(137, (await driver.InspectAsync(stubborn.TaskId, Ct)).ExitCode);
        Assert.True(took >= TimeSpan.FromSeconds(0.9), $"stop returned after {took}");
        Assert.Empty(Procfs.GroupMembers(int.Parse(File.ReadAllText(Path.Combine(scope.DataDirectory, "tasks", stubborn.TaskId, "pid")).Trim(), CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task NewDriverAdoptsRunningProcessesAndSeesExitsThatHappenedMeanwhile()
    {
        await using var scope = new ProcessScope();
        var first = scope.NewDriver();
        var longId = TestSpecs.InstanceId("long");
        var shortId = TestSpecs.InstanceId("short");
        var running = await first.StartAsync(new TaskLaunch { InstanceId = longId, Spec = TestSpecs.Process("long", "sleep 3600"), RestartCount = 2 }, Ct);
        await first.StartAsync(new TaskLaunch { InstanceId = shortId, Spec = TestSpecs.Process("short", "sleep 0.3; exit 9") }, Ct);

        var second = scope.NewDriver();
        await DockerDriverTests.WaitExitedAsync(second, shortId);
        var listed = (await second.ListAsync(Ct)).ToDictionary(t => t.InstanceId);

        Assert.Equal(TaskRunState.Running, listed[longId].State);
        Assert.Equal(running.StartedAt, listed[longId].StartedAt);
        Assert.Equal(2, listed[longId].RestartCount);
        Assert.Equal(9, listed[shortId].ExitCode);

        // Starting an instance that already runs returns the running task instead of a second process.
        var again = await second.StartAsync(new TaskLaunch { InstanceId = longId, Spec = TestSpecs.Process("long", "sleep 3600") }, Ct);
        Assert.Equal(running.StartedAt, again.StartedAt);
    }

    [Fact]
    public async Task ExecRunsInTheTaskEnvironmentWithTimeout()
    {
        await using var scope = new ProcessScope();
        var driver = scope.NewDriver();
        var spec = TestSpecs.Process("exec", "sleep 3600") with { Env = new Dictionary<string, string> { ["COLOR"] = "green" } };
        var task = await driver.StartAsync(new TaskLaunch { InstanceId = TestSpecs.InstanceId("exec"), Spec = spec }, Ct);

        var ok = await driver.ExecAsync(task.TaskId, ["/bin/sh", "-c", "echo $COLOR; exit 2"], TimeSpan.FromSeconds(5), Ct);
        var slow = await driver.ExecAsync(task.TaskId, ["/bin/sleep", "5"], TimeSpan.FromMilliseconds(200), Ct);

        Assert.Equal(new ExecResult(2, "green\n"), ok);
        Assert.Equal(-1, slow.ExitCode);
        Assert.Contains("timed out", slow.Output, StringComparison.Ordinal);
    }

    private static string CgroupPath(string[] lines, string controller) =>
        lines.Select(l => l.Split(':', 3)).Single(p => p[1].Split(',').Contains(controller))[2];
}
