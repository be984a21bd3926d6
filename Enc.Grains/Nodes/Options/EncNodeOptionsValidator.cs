using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Enc.Grains.Nodes.Options;

/// <summary>Validates <see cref="EncNodeOptions"/> at silo start; messages name the setting.</summary>
public sealed class EncNodeOptionsValidator(IOptions<EncNodeOptions> options) : IConfigurationValidator
{
    /// <inheritdoc />
    public void ValidateConfiguration()
    {
        var o = options.Value;
        const string s = EncNodeOptions.SectionName;
        if (o.HeartbeatInterval <= TimeSpan.Zero)
        {
            Fail($"{s}:{nameof(o.HeartbeatInterval)} must be positive (got {o.HeartbeatInterval}).");
        }

        if (o.NotReadyAfter <= o.HeartbeatInterval)
        {
            Fail($"{s}:{nameof(o.NotReadyAfter)} ({o.NotReadyAfter}) must exceed {s}:{nameof(o.HeartbeatInterval)} ({o.HeartbeatInterval}).");
        }

        if (o.DownAfter <= o.NotReadyAfter)
        {
            Fail($"{s}:{nameof(o.DownAfter)} ({o.DownAfter}) must exceed {s}:{nameof(o.NotReadyAfter)} ({o.NotReadyAfter}).");
        }

        if (o.MonitorInterval <= TimeSpan.Zero)
        {
            Fail($"{s}:{nameof(o.MonitorInterval)} must be positive (got {o.MonitorInterval}).");
        }

        foreach (var (name, value) in new[]
        {
            (nameof(o.ReservationAuditInterval), o.ReservationAuditInterval),
            (nameof(o.ReservationAuditGracePeriod), o.ReservationAuditGracePeriod),
            (nameof(o.ReservationAuditQueryTimeout), o.ReservationAuditQueryTimeout),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                Fail($"{s}:{name} must be positive (got {value}).");
            }
        }

        if (o.ReservationAuditInitialDelay < TimeSpan.Zero)
        {
            Fail($"{s}:{nameof(o.ReservationAuditInitialDelay)} must not be negative (got {o.ReservationAuditInitialDelay}).");
        }

        if (o.ConsensusWeight < 1)
        {
            Fail($"{s}:{nameof(o.ConsensusWeight)} must be at least 1 (got {o.ConsensusWeight}).");
        }

        if (o.NetworkBitsPerSecond < 0)
        {
            Fail($"{s}:{nameof(o.NetworkBitsPerSecond)} must not be negative (got {o.NetworkBitsPerSecond}).");
        }

        if (string.IsNullOrWhiteSpace(o.DataDirectory))
        {
            Fail($"{s}:{nameof(o.DataDirectory)} is required.");
        }
    }

    private static void Fail(string message) => throw new OrleansConfigurationException(message);
}
