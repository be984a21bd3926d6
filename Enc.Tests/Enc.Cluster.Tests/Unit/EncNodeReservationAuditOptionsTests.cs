using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Nodes.Reservations;
using Enc.Grains.Nodes.Options;
using Enc.Grains.Receipts;
using Enc.Ledger.Receipts;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Enc.Cluster.Tests.Unit;

/// <summary>The reservation audit's settings (refused naming the setting; defaults) and the receipt of its releases.</summary>
public sealed class EncNodeReservationAuditOptionsTests
{
    public static TheoryData<string, Action<EncNodeOptions>, string> InvalidOptions => new()
    {
        { "zero interval", o => o.ReservationAuditInterval = TimeSpan.Zero, "Enc:Nodes:ReservationAuditInterval must be positive (got 00:00:00)" },
        { "zero grace period", o => o.ReservationAuditGracePeriod = TimeSpan.Zero, "Enc:Nodes:ReservationAuditGracePeriod must be positive (got 00:00:00)" },
        { "negative query timeout", o => o.ReservationAuditQueryTimeout = TimeSpan.FromSeconds(-1), "Enc:Nodes:ReservationAuditQueryTimeout must be positive (got -00:00:01)" },
        { "negative initial delay", o => o.ReservationAuditInitialDelay = TimeSpan.FromSeconds(-1), "Enc:Nodes:ReservationAuditInitialDelay must not be negative (got -00:00:01)" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void InvalidAuditSettingsAreRefusedNamingTheSetting(string name, Action<EncNodeOptions> change, string expected)
    {
        var options = new EncNodeOptions();
        change(options);
        var refused = Assert.Throws<OrleansConfigurationException>(() => new EncNodeOptionsValidator(Options.Create(options)).ValidateConfiguration());
        Assert.True(refused.Message.Contains(expected, StringComparison.Ordinal), $"{name}: {refused.Message}");
    }

    [Fact]
    public void TheDefaultsAreValidAndTheGracePeriodExceedsTheResponseTimeout()
    {
        var options = new EncNodeOptions { ReservationAuditInitialDelay = TimeSpan.Zero };
        new EncNodeOptionsValidator(Options.Create(options)).ValidateConfiguration();
        var defaults = new EncNodeOptions();
        Assert.Equal(
            (TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10)),
            (defaults.ReservationAuditInterval, defaults.ReservationAuditInitialDelay, defaults.ReservationAuditGracePeriod, defaults.ReservationAuditQueryTimeout));
        Assert.True(defaults.ReservationAuditGracePeriod > new SiloMessagingOptions().ResponseTimeout);
    }

    [Fact]
    public void AnAuditReleaseRecordsWhatWasReleasedAndForWhichWorkload()
    {
        var at = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var reservation = new NodeReservation
        {
            InstanceId = "default-web-1",
            Resources = new ResourceQuantities { CpuMillicores = 250, MemoryBytes = 64 << 20, DiskBytes = 0, NetworkBitsPerSecond = 0 },
            ReservedAt = at.AddMinutes(-20),
            Serial = 3,
            WorkloadId = "default/web",
        };

        var (kind, payload) = NodeReceipts.ForOrphanRelease("n1", "default-web-1", "default/web", reservation, at);
        var (entryKind, entryPayload) = NodeReceipts.ForOrphanRelease("n1", "default-job-1", "default/job", null, at);

        Assert.Equal((ReceiptKind.NodeReservationReleased, ReceiptKind.NodeReservationReleased), (kind, entryKind));
        Assert.Equal("default-web-1", payload.Fields["instance"]);
        Assert.Equal("default/web", payload.Fields["workload"]);
        Assert.Equal("250", payload.Fields["cpuMillicores"]);
        Assert.Equal(at.AddMinutes(-20).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), payload.Fields["reservedAt"]);
        Assert.False(entryPayload.Fields.ContainsKey("cpuMillicores"));
        Assert.Equal(4, (int)kind);
    }
}
