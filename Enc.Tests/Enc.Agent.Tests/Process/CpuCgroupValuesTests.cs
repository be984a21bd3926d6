using Enc.Agent.Drivers;

namespace Enc.Agent.Tests.Process;

/// <summary>Request → shares/weight and limit → quota conversions, by table and against a plain reference.</summary>
public sealed class CpuCgroupValuesTests
{
    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(10, 10)]
    [InlineData(100, 102)]
    [InlineData(250, 256)]
    [InlineData(1000, 1024)]
    [InlineData(256_000, 262_144)]
    [InlineData(1_000_000, 262_144)]
    public void SharesAre1024PerCoreWithinTheKernelRange(long millicores, long shares) =>
        Assert.Equal(shares, CpuCgroupValues.SharesFor(millicores));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 1)]
    [InlineData(250, 10)]
    [InlineData(1000, 39)]
    [InlineData(256_000, 10_000)]
    [InlineData(1_000_000, 10_000)]
    public void WeightsSpanOneToTenThousand(long millicores, long weight) =>
        Assert.Equal(weight, CpuCgroupValues.WeightFor(millicores));

    [Theory]
    [InlineData(1, 1_000)]
    [InlineData(10, 1_000)]
    [InlineData(15, 1_500)]
    [InlineData(500, 50_000)]
    [InlineData(4000, 400_000)]
    public void QuotaIsTheLimitShareOfAHundredMillisecondPeriod(long millicores, long quota) =>
        Assert.Equal(quota, CpuCgroupValues.QuotaMicrosecondsFor(millicores));

    [Fact]
    public void RandomRequestsMatchAPlainReferenceAndStayMonotonic()
    {
        // Reference: the conversions written the long way in decimal arithmetic, for 5,000 seeded requests.
        var random = new Random(20261127);
        long previousShares = 0, previousWeight = 0;
        foreach (var millicores in Enumerable.Range(0, 5000).Select(_ => random.NextInt64(1, 400_000)).Order())
        {
            var exactShares = decimal.Floor(millicores * 1.024m);
            var shares = exactShares < 2 ? 2 : exactShares > 262_144 ? 262_144 : exactShares;
            var weight = 1 + decimal.Floor((shares - 2) * 9999m / 262_142m);

            Assert.Equal((long)shares, CpuCgroupValues.SharesFor(millicores));
            Assert.Equal((long)weight, CpuCgroupValues.WeightFor(millicores));
            Assert.Equal(Math.Max(millicores * 100, 1000), CpuCgroupValues.QuotaMicrosecondsFor(millicores));
            Assert.True(CpuCgroupValues.SharesFor(millicores) >= previousShares && CpuCgroupValues.WeightFor(millicores) >= previousWeight);
            previousShares = CpuCgroupValues.SharesFor(millicores);
            previousWeight = CpuCgroupValues.WeightFor(millicores);
        }
    }
}
