using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Tests.Specs;

public sealed class QuantityTests
{
    public static TheoryData<string, long> Millicores => new()
    {
        { "250m", 250 },
        { "1", 1000 },
        { "1.5", 1500 },
        { "0.1", 100 },
        { "2k", 2_000_000 },
        { "1e3", 1_000_000 },
        { "100u", 1 }, // rounds up to a whole millicore, as Kubernetes does
        { " 500m ", 500 },
    };

    public static TheoryData<string, long> Bytes => new()
    {
        { "64Mi", 64L * 1024 * 1024 },
        { "1Gi", 1L << 30 },
        { "500M", 500_000_000 },
        { "1e3", 1000 },
        { "1.5Gi", 3L << 29 },
        { "128974848", 128_974_848 },
        { "129e6", 129_000_000 },
        { "123Ki", 125_952 },
        { "1E", 1_000_000_000_000_000_000 },
        { "1Ei", 1L << 60 },
        { "+12", 12 },
        { ".5Ki", 512 },
    };

    [Theory]
    [MemberData(nameof(Millicores))]
    public void ParsesCpuAsMillicores(string text, long expected)
    {
        Assert.True(Quantity.TryParseMillicores(text, out var value, out var error), error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [MemberData(nameof(Bytes))]
    public void ParsesByteQuantities(string text, long expected)
    {
        Assert.True(Quantity.TryParseUnits(text, out var value, out var error), error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("", "quantity")]
    [InlineData("abc", "not a quantity")]
    [InlineData("64MB", "unknown suffix")]
    [InlineData("1..5", "not a quantity")]
    [InlineData("-1", "negative")]
    [InlineData("1e", "unknown suffix")]
    [InlineData("1e99", "unknown suffix")]
    [InlineData("16Ei", "too large")]
    [InlineData("Mi", "not a quantity")]
    public void RejectsMalformedQuantities(string text, string expectedReason)
    {
        Assert.False(Quantity.TryParseUnits(text, out _, out var error));
        Assert.Contains(expectedReason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(250, "250m")]
    [InlineData(2000, "2")]
    [InlineData(1500, "1500m")]
    public void FormatsMillicores(long millicores, string expected) => Assert.Equal(expected, Quantity.FormatMillicores(millicores));

    [Theory]
    [InlineData(64L * 1024 * 1024, "64Mi")]
    [InlineData(1L << 30, "1Gi")]
    [InlineData(1500, "1500")]
    [InlineData(0, "0")]
    public void FormatsBytes(long bytes, string expected) => Assert.Equal(expected, Quantity.FormatBytes(bytes));

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("10s", 10_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1.5s", 1500)]
    [InlineData("0", 0)]
    public void ParsesDurations(string text, double expectedMs)
    {
        Assert.True(DurationText.TryParse(text, out var value, out var error), error);
        Assert.Equal(expectedMs, value.TotalMilliseconds);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("5 minutes")]
    [InlineData("-1s")]
    [InlineData("1d")]
    [InlineData("")]
    public void RejectsMalformedDurations(string text) => Assert.False(DurationText.TryParse(text, out _, out _));

    [Fact]
    public void DurationFormatRoundTrips()
    {
        foreach (var text in new[] { "1m30s", "500ms", "2h", "10s", "1h1m1s1ms" })
        {
            Assert.True(DurationText.TryParse(text, out var value, out _));
            Assert.Equal(text, DurationText.Format(value));
        }
    }
}
