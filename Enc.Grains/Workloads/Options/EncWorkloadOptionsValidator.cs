using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Enc.Grains.Workloads.Options;

/// <summary>Validates <see cref="EncWorkloadOptions"/> at silo start; messages name the setting.</summary>
public sealed class EncWorkloadOptionsValidator(IOptions<EncWorkloadOptions> options) : IConfigurationValidator
{
    /// <inheritdoc />
    public void ValidateConfiguration()
    {
        var o = options.Value;
        RequirePositive(o.ReconcileInterval, nameof(o.ReconcileInterval));
        RequirePositive(o.ReleaseTimeout, nameof(o.ReleaseTimeout));
        RequirePositive(o.PendingRetryInterval, nameof(o.PendingRetryInterval));
        if (o.ReleaseRetryReminderPeriod < EncWorkloadOptions.MinimumReleaseRetryReminderPeriod)
        {
            throw new OrleansConfigurationException(
                $"{EncWorkloadOptions.SectionName}:{nameof(o.ReleaseRetryReminderPeriod)} must be at least {EncWorkloadOptions.MinimumReleaseRetryReminderPeriod} (got {o.ReleaseRetryReminderPeriod}).");
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new OrleansConfigurationException($"{EncWorkloadOptions.SectionName}:{name} must be positive (got {value}).");
        }
    }
}
