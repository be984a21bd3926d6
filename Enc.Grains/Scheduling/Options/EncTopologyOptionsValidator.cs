namespace Enc.Grains.Scheduling;

/// <summary>Validates <see cref="EncTopologyOptions"/> when the silo starts.</summary>
public sealed class EncTopologyOptionsValidator(Microsoft.Extensions.Options.IOptions<EncTopologyOptions> options) : IConfigurationValidator
{
    /// <inheritdoc />
    public void ValidateConfiguration()
    {
        var o = options.Value;
        if (o.LatencyProbeInterval < TimeSpan.FromMilliseconds(100))
        {
            throw new OrleansConfigurationException($"{nameof(EncTopologyOptions)}.{nameof(o.LatencyProbeInterval)} must be at least 100ms (is {o.LatencyProbeInterval}).");
        }

        if (o.LatencyProbeTimeout <= TimeSpan.Zero || o.LatencyProbeTimeout > o.LatencyProbeInterval)
        {
            throw new OrleansConfigurationException($"{nameof(EncTopologyOptions)}.{nameof(o.LatencyProbeTimeout)} must be greater than 0 and at most {nameof(o.LatencyProbeInterval)} (is {o.LatencyProbeTimeout}).");
        }
    }
}
