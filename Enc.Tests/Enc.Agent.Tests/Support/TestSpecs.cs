using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Tests.Support;

/// <summary>Small valid specs for driver and reconciler tests.</summary>
internal static class TestSpecs
{
    /// <summary>A fast-stopping docker spec running <c>sh -c script</c>.</summary>
    public static WorkloadSpec Docker(string name, string script, RestartMode restart = RestartMode.Never) => new()
    {
        Name = name,
        Namespace = "test",
        Driver = WorkloadDriver.Docker,
        Image = TestEnvironment.Image,
        Command = ["sh", "-c", script],
        Resources = new WorkloadResources { CpuMillicores = 250, MemoryBytes = 64L << 20 },
        RestartPolicy = FastRestart(restart),
        StopGracePeriod = TimeSpan.FromSeconds(2),
    };

    /// <summary>A process-driver spec running <c>/bin/sh -c script</c>.</summary>
    public static WorkloadSpec Process(string name, string script, RestartMode restart = RestartMode.Never) => new()
    {
        Name = name,
        Namespace = "test",
        Driver = WorkloadDriver.Process,
        Command = ["/bin/sh", "-c", script],
        Resources = new WorkloadResources { CpuMillicores = 250, MemoryBytes = 64L << 20 },
        RestartPolicy = FastRestart(restart),
        StopGracePeriod = TimeSpan.FromSeconds(2),
    };

    /// <summary>Restart backoff short enough for tests: 200 ms doubling to 800 ms.</summary>
    public static WorkloadRestartPolicy FastRestart(RestartMode mode) => new()
    {
        Mode = mode,
        BackoffBase = TimeSpan.FromMilliseconds(200),
        BackoffCap = TimeSpan.FromMilliseconds(800),
    };

    /// <summary>A fresh instance id (unique per test run).</summary>
    public static string InstanceId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];
}
