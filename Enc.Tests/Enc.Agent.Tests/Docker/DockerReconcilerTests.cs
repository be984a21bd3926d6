using Enc.Agent.Reconciliation;
using Enc.Agent.Tests.Support;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Tests.Docker;

/// <summary>The instance reconciler over the real Docker engine: lifecycle, restarts, health, adoption.</summary>
public sealed class DockerReconcilerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("exit 0", InstanceState.Succeeded, 0)]
    [InlineData("echo failing; exit 3", InstanceState.Failed, 3)]
    public async Task RunsToCompletionWithExitCode(string script, InstanceState expected, int exitCode)
    {
        await using var scope = new DockerScope();
        var reconciler = scope.NewReconciler(scope.NewDriver());
        var desired = new[] { new DesiredInstance { InstanceId = TestSpecs.InstanceId("job"), Spec = TestSpecs.Docker("job", script) } };

        var results = await ReconcileLoop.UntilAsync(reconciler, desired, r => r.Single().State is InstanceState.Succeeded or InstanceState.Failed, Timeout);

        var report = results[^1].Single();
        Assert.Equal(expected, report.State);
        Assert.Equal(exitCode, report.ExitCode);
        Assert.Equal($"exited with code {exitCode}", report.Reason);
        Assert.NotNull(report.StartedAt);
        Assert.NotNull(report.FinishedAt);
        Assert.Equal(0, report.RestartCount);
        Assert.Equal(desired[0].InstanceId, Assert.Single(results[0].Started));

        // Finished instances stay finished: more passes start nothing and keep the container for logs.
        var again = await reconciler.ReconcileAsync(desired, Ct);
        Assert.Empty(again.Started);
        Assert.Empty(again.Restarted);
        Assert.Equal(expected, again.Single().State);
        Assert.Single(await scope.ContainersAsync());
    }

    [Fact]
    public async Task CrashingInstanceRestartsWithGrowingBackoff()
    {
        await using var scope = new DockerScope();
        var reconciler = scope.NewReconciler(scope.NewDriver());
        var id = TestSpecs.InstanceId("crash");
        var desired = new[] { new DesiredInstance { InstanceId = id, Spec = TestSpecs.Docker("crash", "exit 1", RestartMode.OnFailure) } };

        var restartTimes = new List<DateTime>();
        await ReconcileLoop.UntilAsync(reconciler, desired, r =>
        {
            if (r.Restarted.Count > 0)
            {
                restartTimes.Add(DateTime.UtcNow);
            }

            return r.Single().RestartCount >= 4;
        }, Timeout);

        // Backoff 200 ms doubling to the 800 ms cap: gaps between restarts grow and never fall below the base.
        var gaps = restartTimes.Zip(restartTimes.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToList();
        Assert.All(gaps, g => Assert.True(g >= 350, $"restart gap {g} ms is shorter than the backoff"));
        Assert.True(gaps[^1] >= 750, $"last gap {gaps[^1]} ms should be at the 800 ms cap");

        // The count survives on the container label, and only one container exists for the instance.
        var container = Assert.Single(await scope.ContainersAsync(id));
        Assert.True(int.Parse(container.Labels["enc.restart-count"], System.Globalization.CultureInfo.InvariantCulture) >= 4);
    }

    [Fact]
    public async Task FailingHealthCheckRestartsTheInstance()
    {
        await using var scope = new DockerScope();
        var reconciler = scope.NewReconciler(scope.NewDriver());
        var spec = TestSpecs.Docker("sick", "touch /tmp/ok; sleep 2; rm /tmp/ok; sleep 3600", RestartMode.Always) with
        {
            HealthCheck = new WorkloadHealthCheck
            {
                Type = HealthCheckType.Exec,
                Command = ["test", "-f", "/tmp/ok"],
                Interval = TimeSpan.FromSeconds(1),
                Timeout = TimeSpan.FromSeconds(1),
                FailureThreshold = 2,
            },
        };
        var desired = new[] { new DesiredInstance { InstanceId = TestSpecs.InstanceId("sick"), Spec = spec } };

        var results = await ReconcileLoop.UntilAsync(reconciler, desired, r => r.Restarted.Count > 0, Timeout);

        var reasons = results.Select(r => r.Single().Reason).OfType<string>().ToList();
        Assert.True(reasons.Any(r => r.StartsWith("health check failed 2 times: exec exited with 1", StringComparison.Ordinal)), string.Join(" | ", reasons));
        Assert.Contains(results.Take(3), r => r.Single().State == InstanceState.Running);
        var after = results[^1].Single();
        Assert.Equal(1, after.RestartCount);
        Assert.Equal(InstanceState.Running, after.State);
        Assert.Single(await scope.ContainersAsync());
    }

    [Fact]
    public async Task NewAgentAdoptsRunningContainersWithoutDuplicates()
    {
        await using var scope = new DockerScope();
        var desired = Enumerable.Range(0, 3)
            .Select(i => new DesiredInstance { InstanceId = TestSpecs.InstanceId("svc" + i), Spec = TestSpecs.Docker("svc", "sleep 3600"), RestartCount = 0 })
            .ToArray();
        var first = await scope.NewReconciler(scope.NewDriver()).ReconcileAsync(desired, Ct);
        Assert.Equal(3, first.Started.Count);
        var before = (await scope.ContainersAsync()).Select(c => c.ID).Order().ToList();

        // Simulated agent restart: new driver and reconciler objects; two of them race on purpose.
        var second = scope.NewReconciler(scope.NewDriver());
        var third = scope.NewReconciler(scope.NewDriver());
        var passes = await Task.WhenAll(second.ReconcileAsync(desired, Ct), third.ReconcileAsync(desired, Ct));

        Assert.All(passes, p => Assert.Empty(p.Started));
        Assert.All(passes, p => Assert.Equal(desired.Select(d => d.InstanceId).Order(), p.Adopted));
        Assert.All(passes.SelectMany(p => p.Reports), r => Assert.Equal(InstanceState.Running, r.State));
        Assert.Equal(before, (await scope.ContainersAsync()).Select(c => c.ID).Order().ToList());
    }

    [Fact]
    public async Task RemovesOrphansAndKeepsDesired()
    {
        await using var scope = new DockerScope();
        var reconciler = scope.NewReconciler(scope.NewDriver());
        var keep = new DesiredInstance { InstanceId = TestSpecs.InstanceId("keep"), Spec = TestSpecs.Docker("keep", "sleep 3600") };
        var drop = new DesiredInstance { InstanceId = TestSpecs.InstanceId("drop"), Spec = TestSpecs.Docker("drop", "sleep 3600") };
        await reconciler.ReconcileAsync([keep, drop], Ct);
        Assert.Equal(2, (await scope.ContainersAsync()).Count);

        var pass = await reconciler.ReconcileAsync([keep], Ct);

        var removed = Assert.Single(pass.Removed);
        Assert.Equal(keep.InstanceId, Assert.Single(await scope.ContainersAsync()).Labels["enc.instance"]);
        Assert.DoesNotContain(removed, (await scope.ContainersAsync()).Select(c => c.ID));
        Assert.Empty(pass.Started);
    }

    [Fact]
    public async Task ContainerRemovedBehindOurBackIsRestarted()
    {
        await using var scope = new DockerScope();
        var reconciler = scope.NewReconciler(scope.NewDriver());
        var desired = new[] { new DesiredInstance { InstanceId = TestSpecs.InstanceId("gone"), Spec = TestSpecs.Docker("gone", "sleep 3600", RestartMode.Always) } };
        await reconciler.ReconcileAsync(desired, Ct);
        var original = Assert.Single(await scope.ContainersAsync());
        await scope.Engine.Containers.RemoveContainerAsync(original.ID, new() { Force = true }, Ct);

        var results = await ReconcileLoop.UntilAsync(reconciler, desired, r => r.Single().State == InstanceState.Running && r.Restarted.Count > 0, Timeout);

        Assert.Contains(results, r => r.Single().Reason?.StartsWith("task disappeared", StringComparison.Ordinal) == true);
        Assert.NotEqual(original.ID, Assert.Single(await scope.ContainersAsync()).ID);
    }
}
