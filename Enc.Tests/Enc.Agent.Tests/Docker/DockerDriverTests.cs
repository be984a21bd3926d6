using Enc.Agent.Drivers;
using Enc.Agent.Drivers.Docker;
using Enc.Agent.Tests.Support;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Tests.Docker;

/// <summary>The Docker driver against the real engine (ENC_TEST_DOCKER, ENC_TEST_IMAGE).</summary>
public sealed class DockerDriverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LongRunningContainerHasLabelsLimitsAndNoNetwork()
    {
        await using var scope = new DockerScope();
        var driver = scope.NewDriver();
        var id = TestSpecs.InstanceId("limits");
        var spec = TestSpecs.Docker("limits", "sleep 3600") with { Labels = new Dictionary<string, string> { ["app"] = "limits" } };

        var task = await driver.StartAsync(new TaskLaunch { InstanceId = id, Spec = spec, SpecVersion = 7 }, Ct);

        Assert.Equal(TaskRunState.Running, task.State);
        Assert.Equal(id, task.InstanceId);
        Assert.Equal("test/limits", task.WorkloadId);
        Assert.Equal(7, task.SpecVersion);
        var inspected = await scope.Engine.Containers.InspectContainerAsync(task.TaskId, Ct);
        Assert.Equal("/enc-" + id, inspected.Name);
        Assert.Equal("none", inspected.HostConfig.NetworkMode);
        Assert.Equal("true", inspected.Config.Labels[TaskLabels.Managed]);
        Assert.Equal(id, inspected.Config.Labels[TaskLabels.Instance]);
        Assert.Equal("test/limits", inspected.Config.Labels[TaskLabels.Workload]);
        Assert.Equal("limits", inspected.Config.Labels["app"]);
        // cpu 250m is a request: relative shares (250 × 1024 / 1000 = 256), no hard quota.
        Assert.Equal(256, inspected.HostConfig.CPUShares);
        Assert.Equal(0, inspected.HostConfig.NanoCPUs);

        // The limits as the kernel enforces them: the container's own cgroup v1 files, read inside it...
        var inside = await driver.ExecAsync(task.TaskId,
            ["cat", "/sys/fs/cgroup/memory/memory.limit_in_bytes", "/sys/fs/cgroup/cpu/cpu.shares", "/sys/fs/cgroup/cpu/cpu.cfs_quota_us"],
            TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(0, inside.ExitCode);
        Assert.Equal(["67108864", "256", "-1"], inside.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        // ...and on the host, through the container process's cgroup paths.
        var pid = (int)inspected.State.Pid;
        Assert.Equal("67108864", HostCgroupValue(pid, "memory", "memory.limit_in_bytes"));
        Assert.Equal("256", HostCgroupValue(pid, "cpu", "cpu.shares"));
        Assert.Equal("-1", HostCgroupValue(pid, "cpu", "cpu.cfs_quota_us"));

        var listed = Assert.Single(await driver.ListAsync(Ct));
        Assert.Equal(task.TaskId, listed.TaskId);
        Assert.Equal(TaskRunState.Running, listed.State);
    }

    [Theory]
    [InlineData(250, 500, 256, 50_000)]
    [InlineData(10, 10, 10, 1_000)]
    [InlineData(1, 1500, 2, 150_000)]
    public async Task CpuLimitBecomesAHardQuotaBesideTheRequestShares(long request, long limit, long shares, long quota)
    {
        await using var scope = new DockerScope();
        var driver = scope.NewDriver();
        var spec = TestSpecs.Docker("capped", "sleep 3600") with
        {
            Resources = new WorkloadResources { CpuMillicores = request, CpuLimitMillicores = limit, MemoryBytes = 64L << 20 },
        };

        var task = await driver.StartAsync(new TaskLaunch { InstanceId = TestSpecs.InstanceId("capped"), Spec = spec }, Ct);

        var inspected = await scope.Engine.Containers.InspectContainerAsync(task.TaskId, Ct);
        Assert.Equal(shares, inspected.HostConfig.CPUShares);
        Assert.Equal(limit * 1_000_000, inspected.HostConfig.NanoCPUs);
        var pid = (int)inspected.State.Pid;
        Assert.Equal(shares.ToString(System.Globalization.CultureInfo.InvariantCulture), HostCgroupValue(pid, "cpu", "cpu.shares"));
        Assert.Equal(quota.ToString(System.Globalization.CultureInfo.InvariantCulture), HostCgroupValue(pid, "cpu", "cpu.cfs_quota_us"));
        Assert.Equal("100000", HostCgroupValue(pid, "cpu", "cpu.cfs_period_us"));
    }

    [Fact]
    public async Task ACpuLimitAboveTheHostsCpusIsAppliedAsAllOfThem()
    {
        await using var scope = new DockerScope();
        var driver = scope.NewDriver();
        var spec = TestSpecs.Docker("wide", "sleep 3600") with
        {
            Resources = new WorkloadResources { CpuMillicores = 100, CpuLimitMillicores = (Environment.ProcessorCount + 2) * 1000L, MemoryBytes = 64L << 20 },
        };

        var task = await driver.StartAsync(new TaskLaunch { InstanceId = TestSpecs.InstanceId("wide"), Spec = spec }, Ct);

        var inspected = await scope.Engine.Containers.InspectContainerAsync(task.TaskId, Ct);
        Assert.Equal(Environment.ProcessorCount * 1_000_000_000L, inspected.HostConfig.NanoCPUs);
        Assert.True(inspected.State.Running);
    }

    [Fact]
    public async Task StartIsIdempotentPerInstance()
    {
        await using var scope = new DockerScope();
        var driver = scope.NewDriver();
        var launch = new TaskLaunch { InstanceId = TestSpecs.InstanceId("idem"), Spec = TestSpecs.Docker("idem", "sleep 3600") };

        var starts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => driver.StartAsync(launch, Ct)));

        Assert.Single(starts.Select(s => s.TaskId).Distinct());
        Assert.Single(await scope.ContainersAsync());
    }

    [Fact]
    public async Task HostNetworkAndPortEnvironment()
    {
        await using var scope = new DockerScope();
        var driver = scope.NewDriver();
        var spec = TestSpecs.Docker("env", "echo port=$ENC_PORT_HTTP instance=$ENC_INSTANCE mode=$MODE") with
        {
            Network = WorkloadNetworkMode.Host,
            Ports = [new WorkloadPort { Name = "http", Port = 0 }],
            Env = new Dictionary<string, string> { ["MODE"] = "blue" },
        };
        var id = TestSpecs.InstanceId("env");
        var task = await driver.StartAsync(new TaskLaunch { InstanceId = id, Spec = spec, Ports = new Dictionary<string, int> { ["http"] = 31001 } }, Ct);

        var exited = await WaitExitedAsync(driver, task.TaskId);
        Assert.Equal(0, exited.ExitCode);
        Assert.Equal("host", (await scope.Engine.Containers.InspectContainerAsync(task.TaskId, Ct)).HostConfig.NetworkMode);
        var lines = await ReadAllAsync(driver, task.TaskId);
        Assert.Equal([new LogEntry("stdout", $"port=31001 instance={id} mode=blue")], lines);
    }

    [Fact]
    public async Task StopSendsTermThenKillsAfterGrace()
    {
        await using var scope = new DockerScope();
        var driver = scope.NewDriver();
        var polite = await driver.StartAsync(new TaskLaunch { InstanceId = TestSpecs.InstanceId("polite"), Spec = TestSpecs.Docker("polite", "sleep 3600") }, Ct);
        var stubborn = await driver.StartAsync(new TaskLaunch
        {
            InstanceId = TestSpecs.InstanceId("stubborn"),
            Spec = TestSpecs.Docker("stubborn", "trap 'echo got-term' TERM; while true; do sleep 0.1; done"),
        }, Ct);
        await Task.Delay(300, Ct);

        await driver.StopAsync(polite.TaskId, TimeSpan.FromSeconds(5), Ct);
        var started = DateTime.UtcNow;
        await driver.StopAsync(stubborn.TaskId, TimeSpan.FromSeconds(1), Ct);
        var stubbornTook = DateTime.UtcNow - started;

        Assert.Equal(143, (await driver.InspectAsync(polite.TaskId, Ct)).ExitCode);
        var killed = await driver.InspectAsync(stubborn.TaskId, Ct);
        Assert.Equal(137, killed.ExitCode);
        Assert.True(stubbornTook >= TimeSpan.FromSeconds(0.9), $"stop returned after {stubbornTook}");
        Assert.Contains(new LogEntry("stdout", "got-term"), await ReadAllAsync(driver, stubborn.TaskId));
    }

    [Fact]
    public async Task FollowedLogsEndWhenTheContainerExits()
    {
        await using var scope = new DockerScope();
        var driver = scope.NewDriver();
        var task = await driver.StartAsync(new TaskLaunch
        {
            InstanceId = TestSpecs.InstanceId("follow"),
            Spec = TestSpecs.Docker("follow", "for i in 1 2 3; do echo line$i; sleep 0.2; done; echo oops >&2"),
        }, Ct);

        var lines = new List<LogEntry>();
        await foreach (var line in driver.ReadLogsAsync(task.TaskId, follow: true, Ct))
        {
            lines.Add(line);
        }

        Assert.Equal(["line1", "line2", "line3"], lines.Where(l => l.Stream == "stdout").Select(l => l.Line));
        Assert.Equal(new LogEntry("stderr", "oops"), Assert.Single(lines, l => l.Stream == "stderr"));
    }

    [Fact]
    public async Task RefusesUnsupportedNetworkAndMissingImage()
    {
        await using var scope = new DockerScope();
        var driver = scope.NewDriver();
        var bridge = await Assert.ThrowsAsync<TaskStartException>(() => driver.StartAsync(new TaskLaunch
        {
            InstanceId = TestSpecs.InstanceId("bridge"),
            Spec = TestSpecs.Docker("bridge", "true") with { Network = WorkloadNetworkMode.Invalid },
        }, Ct));
        Assert.Contains("'none' or 'host'", bridge.Message, StringComparison.Ordinal);
        Assert.False(DockerNetworkModes.IsAllowed("bridge"));

        var missing = await Assert.ThrowsAsync<TaskStartException>(() => driver.StartAsync(new TaskLaunch
        {
            InstanceId = TestSpecs.InstanceId("missing"),
            Spec = TestSpecs.Docker("missing", "true") with { Image = "enc-no-such-image:v0" },
        }, Ct));
        Assert.Contains("not present on this node", missing.Message, StringComparison.Ordinal);
        Assert.Empty(await scope.ContainersAsync());
    }

    [Fact]
    public async Task ListKeepsReportingEachExitedContainersOwnExitAndForgetsRemovedOnes()
    {
        await using var scope = new DockerScope();
        var driver = scope.NewDriver();
        var first = await driver.StartAsync(new TaskLaunch { InstanceId = TestSpecs.InstanceId("exit3"), Spec = TestSpecs.Docker("exit3", "exit 3") }, Ct);
        await WaitExitedAsync(driver, first.TaskId);

        var once = Assert.Single(await driver.ListAsync(Ct));
        var twice = Assert.Single(await driver.ListAsync(Ct));
        var second = await driver.StartAsync(new TaskLaunch { InstanceId = TestSpecs.InstanceId("exit4"), Spec = TestSpecs.Docker("exit4", "exit 4") }, Ct);
        await WaitExitedAsync(driver, second.TaskId);
        var both = await driver.ListAsync(Ct);
        await driver.RemoveAsync(first.TaskId, Ct);
        var left = await driver.ListAsync(Ct);

        Assert.Equal((TaskRunState.Exited, 3), (once.State, once.ExitCode));
        Assert.Equal(once, twice);
        Assert.NotNull(once.FinishedAt);
        Assert.Equal([3, 4], both.OrderBy(t => t.ExitCode).Select(t => t.ExitCode));
        Assert.Equal(second.TaskId, Assert.Single(left).TaskId);
        Assert.Equal(4, left[0].ExitCode);
    }

    [Fact]
    public async Task MissingExecutableExitsWith127AndSaysWhy()
    {
        await using var scope = new DockerScope();
        var driver = scope.NewDriver();
        var spec = TestSpecs.Docker("badcmd", "") with { Command = ["/no/such/binary"] };
        var task = await driver.StartAsync(new TaskLaunch { InstanceId = TestSpecs.InstanceId("badcmd"), Spec = spec }, Ct);

        // The engine's init process runs first and reports the failed exec like a shell would.
        var exited = await WaitExitedAsync(driver, task.TaskId);
        Assert.Equal(127, exited.ExitCode);
        Assert.Contains(await ReadAllAsync(driver, task.TaskId), l => l.Line.Contains("/no/such/binary", StringComparison.Ordinal));
    }

    internal static async Task<TaskInfo> WaitExitedAsync(ITaskDriver driver, string taskId)
    {
        for (var i = 0; i < 200; i++)
        {
            var info = await driver.InspectAsync(taskId, Ct);
            if (info.State == TaskRunState.Exited)
            {
                return info;
            }

            await Task.Delay(50, Ct);
        }

        throw new TimeoutException($"task {taskId} did not exit");
    }

    internal static async Task<List<LogEntry>> ReadAllAsync(ITaskDriver driver, string taskId)
    {
        var lines = new List<LogEntry>();
        await foreach (var line in driver.ReadLogsAsync(taskId, follow: false, Ct))
        {
            lines.Add(line);
        }

        return lines;
    }

    private static string HostCgroupValue(int pid, string controller, string file)
    {
        // /proc/PID/cgroup lines look like "4:memory:/docker/<id>" (cgroup v1).
        var line = File.ReadAllLines($"/proc/{pid}/cgroup").Single(l => l.Split(':')[1].Split(',').Contains(controller));
        var path = line.Split(':', 3)[2];
        return File.ReadAllText($"/sys/fs/cgroup/{controller}{path}/{file}").Trim();
    }
}
