using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Tests.Specs;

public sealed class WorkloadSpecValidatorTests
{
    private static readonly WorkloadSpec Valid = new()
    {
        Name = "web",
        Driver = WorkloadDriver.Docker,
        Image = "busybox:local",
        Resources = new WorkloadResources { CpuMillicores = 250, MemoryBytes = 64L << 20 },
    };

    private static readonly WorkloadHealthCheck ExecCheck = new()
    {
        Type = HealthCheckType.Exec,
        Command = ["true"],
        Interval = TimeSpan.FromSeconds(5),
        Timeout = TimeSpan.FromSeconds(1),
        FailureThreshold = 3,
    };

    public static TheoryData<string, WorkloadSpec, string> InvalidSpecs => new()
    {
        { "empty name", Valid with { Name = "" }, "name" },
        { "uppercase name", Valid with { Name = "Web" }, "name" },
        { "long namespace", Valid with { Namespace = new string('a', 64) }, "namespace" },
        { "no driver", Valid with { Driver = WorkloadDriver.Invalid }, "driver" },
        { "docker without image", Valid with { Image = null }, "image" },
        { "tag with space", Valid with { Image = "busybox:la test" }, "image" },
        { "short digest", Valid with { Image = "busybox@sha256:abc" }, "image" },
        { "process with image", Valid with { Driver = WorkloadDriver.Process, Command = ["/bin/true"] }, "image" },
        { "process without command", Valid with { Driver = WorkloadDriver.Process, Image = null }, "command" },
        { "zero cpu", Valid with { Resources = Valid.Resources with { CpuMillicores = 0 } }, "resources.cpu" },
        { "cpu limit below request", Valid with { Resources = Valid.Resources with { CpuLimitMillicores = 249 } }, "resources.cpuLimit" },
        { "cpu limit below kernel minimum", Valid with { Resources = Valid.Resources with { CpuMillicores = 1, CpuLimitMillicores = 9 } }, "resources.cpuLimit" },
        { "zero cpu limit", Valid with { Resources = Valid.Resources with { CpuLimitMillicores = 0 } }, "resources.cpuLimit" },
        { "negative cpu limit", Valid with { Resources = Valid.Resources with { CpuLimitMillicores = -500 } }, "resources.cpuLimit" },
        { "tiny docker memory", Valid with { Resources = Valid.Resources with { MemoryBytes = 1024 } }, "resources.memory" },
        { "negative disk", Valid with { Resources = Valid.Resources with { DiskBytes = -1 } }, "resources.disk" },
        { "negative bandwidth", Valid with { Resources = Valid.Resources with { NetworkBitsPerSecond = -1 } }, "resources.networkBandwidth" },
        { "too many replicas", Valid with { Replicas = 1001 }, "replicas" },
        { "ports without host network", Valid with { Ports = [new WorkloadPort { Name = "http", Port = 80 }] }, "network" },
        { "duplicate port name", Valid with { Network = WorkloadNetworkMode.Host, Ports = [new() { Name = "a", Port = 1 }, new() { Name = "a", Port = 2 }] }, "ports[1].name" },
        { "duplicate static port", Valid with { Network = WorkloadNetworkMode.Host, Ports = [new() { Name = "a", Port = 1 }, new() { Name = "b", Port = 1 }] }, "ports[1].port" },
        { "bad port protocol", Valid with { Network = WorkloadNetworkMode.Host, Ports = [new() { Name = "a", Port = 1, Protocol = PortProtocol.Invalid }] }, "ports[0].protocol" },
        { "invalid network", Valid with { Network = WorkloadNetworkMode.Invalid }, "network" },
        { "reserved label", Valid with { Labels = new Dictionary<string, string> { ["enc.node"] = "x" } }, "labels.enc.node" },
        { "bad label value", Valid with { Labels = new Dictionary<string, string> { ["app"] = "a b" } }, "labels.app" },
        { "reserved env", Valid with { Env = new Dictionary<string, string> { ["ENC_INSTANCE"] = "x" } }, "env.ENC_INSTANCE" },
        { "no restart mode", Valid with { RestartPolicy = WorkloadRestartPolicy.Default with { Mode = RestartMode.Invalid } }, "restartPolicy.mode" },
        { "zero backoff", Valid with { RestartPolicy = WorkloadRestartPolicy.Default with { BackoffBase = TimeSpan.Zero } }, "restartPolicy.backoff" },
        { "cap below base", Valid with { RestartPolicy = WorkloadRestartPolicy.Default with { BackoffCap = TimeSpan.FromMilliseconds(1) } }, "restartPolicy.maxBackoff" },
        { "exec without command", Valid with { HealthCheck = ExecCheck with { Command = [] } }, "healthCheck.command" },
        { "timeout above interval", Valid with { HealthCheck = ExecCheck with { Timeout = TimeSpan.FromSeconds(6) } }, "healthCheck.timeout" },
        { "zero threshold", Valid with { HealthCheck = ExecCheck with { FailureThreshold = 0 } }, "healthCheck.failureThreshold" },
        { "tiny interval", Valid with { HealthCheck = ExecCheck with { Interval = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromMilliseconds(5) } }, "healthCheck.interval" },
        { "tcp on network none", Valid with { HealthCheck = ExecCheck with { Type = HealthCheckType.Tcp, Port = 80 } }, "healthCheck.type" },
        { "http unknown port name", Valid with { Network = WorkloadNetworkMode.Host, HealthCheck = ExecCheck with { Type = HealthCheckType.Http, PortName = "web" } }, "healthCheck.port" },
        { "http bad path", Valid with { Network = WorkloadNetworkMode.Host, HealthCheck = ExecCheck with { Type = HealthCheckType.Http, Port = 80, Path = "health" } }, "healthCheck.path" },
        { "unknown algorithm", Valid with { Scheduling = new WorkloadScheduling { Algorithm = "Fastest" } }, "scheduling.algorithm" },
        { "equal toleration without key", Valid with { Scheduling = new WorkloadScheduling { Tolerations = [new() { Operator = TolerationOperator.Equal }] } }, "scheduling.tolerations[0].key" },
        { "negative grace", Valid with { StopGracePeriod = TimeSpan.FromSeconds(-1) }, "stopGracePeriod" },
    };

    [Fact]
    public void AcceptsAValidSpec() => Assert.Empty(new WorkloadSpecValidator().Validate(Valid));

    [Theory]
    [MemberData(nameof(InvalidSpecs))]
    public void RejectsInvalidFieldNamingIt(string description, WorkloadSpec spec, string field)
    {
        var errors = new WorkloadSpecValidator().Validate(spec);
        Assert.True(errors.Any(e => e.Field == field && e.Message.Length > 0), $"{description}: expected an error on {field}, got: {string.Join("; ", errors)}");
    }

    [Theory]
    [InlineData(250, null)]
    [InlineData(250, 250L)]
    [InlineData(250, 500L)]
    [InlineData(1, 10L)]
    [InlineData(10, 10L)]
    [InlineData(64_000, 128_000L)]
    public void AcceptsACpuLimitAtOrAboveTheRequest(long request, long? limit) =>
        Assert.Empty(new WorkloadSpecValidator().Validate(Valid with { Resources = Valid.Resources with { CpuMillicores = request, CpuLimitMillicores = limit } }));

    [Fact]
    public void CpuLimitErrorNamesTheRequestItUndercuts()
    {
        var error = Assert.Single(new WorkloadSpecValidator().Validate(Valid with { Resources = Valid.Resources with { CpuLimitMillicores = 100 } }));
        Assert.Equal("resources.cpuLimit", error.Field);
        Assert.Equal("100m must not be less than the CPU request resources.cpu 250m", error.Message);
    }

    [Fact]
    public void CollectsAllErrorsAtOnce()
    {
        var spec = Valid with { Name = "", Image = null, Replicas = -1, Resources = new WorkloadResources { CpuMillicores = 0, MemoryBytes = 0 } };
        var fields = new WorkloadSpecValidator().Validate(spec).Select(e => e.Field).ToList();
        Assert.Equal(["name", "replicas", "image", "resources.cpu", "resources.memory"], fields);
    }

    [Fact]
    public void EnsureValidThrowsWithEveryError()
    {
        var e = Assert.Throws<WorkloadSpecException>(() => new WorkloadSpecValidator().EnsureValid(Valid with { Name = "", Replicas = -1 }));
        Assert.Equal(2, e.Errors.Count);
    }
}
