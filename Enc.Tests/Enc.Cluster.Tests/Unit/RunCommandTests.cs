using Enc.Cli.Commands.Workload;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Cluster.Tests.Unit;

/// <summary><c>enc run</c> flags as the CLI parses them, turned into the spec it submits.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public void CpuIsTheRequestAndCpuLimitTheOptionalHardLimit()
    {
        var spec = Parse("--name", "shop/web", "--image", "busybox:local", "--cpu", "250m", "--cpu-limit", "500m", "--memory", "64Mi", "--", "sleep", "60");

        Assert.Equal("shop/web", spec.Id);
        Assert.Equal(250, spec.Resources.CpuMillicores);
        Assert.Equal(500, spec.Resources.CpuLimitMillicores);
        Assert.Equal(64L << 20, spec.Resources.MemoryBytes);
        Assert.Equal(["sleep", "60"], spec.Command);
    }

    [Fact]
    public void NoCpuLimitFlagMeansNoLimit()
    {
        var spec = Parse("--name", "web", "--image", "busybox:local", "--cpu", "1.5");

        Assert.Equal(1500, spec.Resources.CpuMillicores);
        Assert.Null(spec.Resources.CpuLimitMillicores);
    }

    [Theory]
    [InlineData("100m", "must not be less than the CPU request resources.cpu 250m")]
    [InlineData("fast", "fast")]
    public void ABadCpuLimitNamesTheSpecField(string limit, string messagePart)
    {
        var error = Assert.Throws<WorkloadSpecException>(() => Parse("--name", "web", "--image", "busybox:local", "--cpu", "250m", "--cpu-limit", limit));

        var only = Assert.Single(error.Errors);
        Assert.Equal("resources.cpuLimit", only.Field);
        Assert.Contains(messagePart, only.Message, StringComparison.Ordinal);
    }

    private static WorkloadSpec Parse(params string[] args)
    {
        var parse = RunCommand.Build().Parse(args);
        Assert.Empty(parse.Errors);
        return RunCommand.SpecFrom(parse);
    }
}
