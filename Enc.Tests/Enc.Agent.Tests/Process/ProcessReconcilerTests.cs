using System.Net;
using System.Net.Sockets;
using Enc.Agent.Reconciliation;
using Enc.Agent.Tests.Support;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Tests.Process;

/// <summary>The instance reconciler over the process driver: the same lifecycle guarantees as with Docker.</summary>
public sealed class ProcessReconcilerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunsToCompletionWithExitCode()
    {
        await using var scope = new ProcessScope();
        var reconciler = scope.NewReconciler(scope.NewDriver());
        var desired = new[] { new DesiredInstance { InstanceId = TestSpecs.InstanceId("job"), Spec = TestSpecs.Process("job", "exit 5") } };

        var results = await ReconcileLoop.UntilAsync(reconciler, desired, r => r.Single().State == InstanceState.Failed, Timeout);

        Assert.Equal(5, results[^1].Single().ExitCode);
        Assert.Empty((await reconciler.ReconcileAsync(desired, Ct)).Started);
    }

    [Fact]
    public async Task EachInstanceIsReportedWhenItsStartReturnsNotAtTheEndOfThePass()
    {
        await using var scope = new ProcessScope();
        var driver = scope.NewDriver();
        var reconciler = scope.NewReconciler(driver, maxParallelism: 1);
        var desired = new[] { "first", "second", "third" }
            .Select(n => new DesiredInstance { InstanceId = TestSpecs.InstanceId(n), Spec = TestSpecs.Process(n, "sleep 30") })
            .ToArray();

        // With one instance at a time, an instance reported at once sees only the tasks started before it.
        var tasksWhenReported = new List<(string InstanceId, InstanceState State, int Tasks)>();
        var result = await reconciler.ReconcileAsync(desired, async (report, token) =>
        {
            var tasks = (await driver.ListAsync(token)).Count;
            lock (tasksWhenReported)
            {
                tasksWhenReported.Add((report.InstanceId, report.State, tasks));
            }
        }, Ct);

        Assert.Equal(3, result.Started.Count);
        Assert.Equal(desired.Select(d => d.InstanceId).Order(StringComparer.Ordinal), tasksWhenReported.Select(r => r.InstanceId).Order(StringComparer.Ordinal));
        Assert.All(tasksWhenReported, r => Assert.Equal(InstanceState.Running, r.State));
        Assert.Equal([1, 2, 3], tasksWhenReported.Select(r => r.Tasks).Order());
    }

    [Fact]
    public async Task CrashingProcessRestartsWithBackoffAndCount()
    {
        await using var scope = new ProcessScope();
        var reconciler = scope.NewReconciler(scope.NewDriver());
        var desired = new[] { new DesiredInstance { InstanceId = TestSpecs.InstanceId("crash"), Spec = TestSpecs.Process("crash", "echo run; exit 1", RestartMode.Always) } };

        var restartTimes = new List<DateTime>();
        var results = await ReconcileLoop.UntilAsync(reconciler, desired, r =>
        {
            if (r.Restarted.Count > 0)
            {
                restartTimes.Add(DateTime.UtcNow);
            }

            return r.Single().RestartCount >= 3;
        }, Timeout);

        var gaps = restartTimes.Zip(restartTimes.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToList();
        Assert.All(gaps, g => Assert.True(g >= 350, $"restart gap {g} ms is shorter than the backoff"));
        Assert.Contains(results, r => r.Single().Reason?.Contains("restarting in", StringComparison.Ordinal) == true);

        // Logs accumulate across restarts in the task's files.
        var lines = await Docker.DockerDriverTests.ReadAllAsync(reconciler.Driver, desired[0].InstanceId);
        Assert.True(lines.Count(l => l.Line == "run") >= 3);
    }

    [Fact]
    public async Task FailingTcpHealthCheckRestartsTheProcess()
    {
        await using var scope = new ProcessScope();
        var reconciler = scope.NewReconciler(scope.NewDriver());
        var port = FreeLoopbackPort();

        // Nothing listens on the port, so every TCP probe fails.
        var spec = TestSpecs.Process("deaf", "sleep 3600", RestartMode.Always) with
        {
            Network = WorkloadNetworkMode.Host,
            HealthCheck = new WorkloadHealthCheck
            {
                Type = HealthCheckType.Tcp,
                Port = port,
                Interval = TimeSpan.FromMilliseconds(200),
                Timeout = TimeSpan.FromMilliseconds(200),
                FailureThreshold = 3,
            },
        };
        var desired = new[] { new DesiredInstance { InstanceId = TestSpecs.InstanceId("deaf"), Spec = spec } };

        var results = await ReconcileLoop.UntilAsync(reconciler, desired, r => r.Restarted.Count > 0, Timeout);

        Assert.Contains(results, r => r.Single().Reason?.StartsWith($"health check failed 3 times: tcp connect to 127.0.0.1:{port}", StringComparison.Ordinal) == true);
        Assert.Equal(1, results[^1].Single().RestartCount);
    }

    [Fact]
    public async Task HealthyTcpCheckKeepsTheProcessRunning()
    {
        await using var scope = new ProcessScope();
        var reconciler = scope.NewReconciler(scope.NewDriver());
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var spec = TestSpecs.Process("fine", "sleep 3600", RestartMode.Always) with
        {
            Network = WorkloadNetworkMode.Host,
            HealthCheck = new WorkloadHealthCheck
            {
                Type = HealthCheckType.Tcp,
                Port = port,
                Interval = TimeSpan.FromMilliseconds(100),
                Timeout = TimeSpan.FromMilliseconds(100),
                FailureThreshold = 1,
            },
        };
        var desired = new[] { new DesiredInstance { InstanceId = TestSpecs.InstanceId("fine"), Spec = spec } };

        for (var i = 0; i < 10; i++)
        {
            var pass = await reconciler.ReconcileAsync(desired, Ct);
            Assert.Equal(InstanceState.Running, pass.Single().State);
            Assert.Empty(pass.Restarted);
            await Task.Delay(120, Ct);
        }
    }

    [Fact]
    public async Task NewAgentAdoptsProcessesWithoutDuplicates()
    {
        await using var scope = new ProcessScope();
        var desired = Enumerable.Range(0, 3)
            .Select(i => new DesiredInstance { InstanceId = TestSpecs.InstanceId("svc" + i), Spec = TestSpecs.Process("svc", "sleep 3600") })
            .ToArray();
        var first = await scope.NewReconciler(scope.NewDriver()).ReconcileAsync(desired, Ct);
        Assert.Equal(3, first.Started.Count);
        var before = (await scope.NewDriver().ListAsync(Ct)).Select(t => (t.TaskId, t.StartedAt)).Order().ToList();

        var second = scope.NewReconciler(scope.NewDriver());
        var third = scope.NewReconciler(scope.NewDriver());
        var passes = await Task.WhenAll(second.ReconcileAsync(desired, Ct), third.ReconcileAsync(desired, Ct));

        Assert.All(passes, p => Assert.Empty(p.Started));
        Assert.All(passes, p => Assert.Equal(3, p.Adopted.Count));
        Assert.Equal(before, (await scope.NewDriver().ListAsync(Ct)).Select(t => (t.TaskId, t.StartedAt)).Order().ToList());

        // An instance dropped from the desired set is an orphan: stopped and removed.
        var pass = await second.ReconcileAsync(desired[..2], Ct);
        Assert.Equal([desired[2].InstanceId], pass.Removed);
        Assert.Equal(2, (await scope.NewDriver().ListAsync(Ct)).Count);
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
