using Enc.Grains.Workloads.Options;
using Microsoft.Extensions.Options;

namespace Enc.Cluster.Tests.Unit;

/// <summary>The workload options the silo refuses to start with: each message names the setting and the value.</summary>
public sealed class EncWorkloadOptionsValidatorTests
{
    public static TheoryData<string, Action<EncWorkloadOptions>, string> InvalidOptions => new()
    {
        { "zero reconcile interval", o => o.ReconcileInterval = TimeSpan.Zero, "Enc:Workloads:ReconcileInterval must be positive (got 00:00:00)" },
        { "zero release timeout", o => o.ReleaseTimeout = TimeSpan.Zero, "Enc:Workloads:ReleaseTimeout must be positive (got 00:00:00)" },
        { "negative release timeout", o => o.ReleaseTimeout = TimeSpan.FromSeconds(-1), "Enc:Workloads:ReleaseTimeout must be positive (got -00:00:01)" },
        { "zero retry interval", o => o.PendingRetryInterval = TimeSpan.Zero, "Enc:Workloads:PendingRetryInterval must be positive (got 00:00:00)" },
        { "reminder period under a minute", o => o.ReleaseRetryReminderPeriod = TimeSpan.FromSeconds(59), "Enc:Workloads:ReleaseRetryReminderPeriod must be at least 00:01:00 (got 00:00:59)" },
        { "zero reminder period", o => o.ReleaseRetryReminderPeriod = TimeSpan.Zero, "Enc:Workloads:ReleaseRetryReminderPeriod must be at least 00:01:00 (got 00:00:00)" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void InvalidOptionsAreRefusedNamingTheSetting(string name, Action<EncWorkloadOptions> change, string expected)
    {
        var options = new EncWorkloadOptions();
        change(options);
        var refused = Assert.Throws<OrleansConfigurationException>(() => new EncWorkloadOptionsValidator(Options.Create(options)).ValidateConfiguration());
        Assert.True(refused.Message.Contains(expected, StringComparison.Ordinal), $"{name}: {refused.Message}");
    }

    [Fact]
    public void TheDefaultsAreValid()
    {
        var options = new EncWorkloadOptions();
        new EncWorkloadOptionsValidator(Options.Create(options)).ValidateConfiguration();
        Assert.Equal(TimeSpan.FromSeconds(5), options.ReleaseTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.PendingRetryInterval);
        Assert.Equal(TimeSpan.FromMinutes(1), options.ReleaseRetryReminderPeriod);
    }

    [Fact]
    public void AReminderPeriodOfExactlyOneMinuteOrMoreIsValid()
    {
        new EncWorkloadOptionsValidator(Options.Create(new EncWorkloadOptions { ReleaseRetryReminderPeriod = TimeSpan.FromMinutes(1) })).ValidateConfiguration();
        new EncWorkloadOptionsValidator(Options.Create(new EncWorkloadOptions { ReleaseRetryReminderPeriod = TimeSpan.FromHours(1) })).ValidateConfiguration();
    }
}
