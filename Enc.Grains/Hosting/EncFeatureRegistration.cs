using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enc.Grains.Hosting;

/// <summary>
/// The registration shape every ENC feature shares (nodes, workloads, ledger, consensus): options that
/// accumulate across calls, services registered once.
/// </summary>
public static class EncFeatureRegistration
{
    /// <summary>Turns a plain options callback (or none) into an options-builder callback.</summary>
    public static Action<OptionsBuilder<TOptions>> ConfigureWith<TOptions>(Action<TOptions>? configure)
        where TOptions : class =>
        ob =>
        {
            if (configure is not null)
            {
                ob.Configure(configure);
            }
        };

    /// <summary>
    /// Applies <paramref name="configureOptions"/> to the feature's options and tells whether the feature's
    /// services are already registered, recognised by <typeparamref name="TMarker"/> (true: register nothing more).
    /// </summary>
    public static bool ConfigureFeature<TOptions, TMarker>(this IServiceCollection services, Action<OptionsBuilder<TOptions>> configureOptions)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(configureOptions);
        configureOptions(services.AddOptions<TOptions>());
        return services.Any(s => s.ServiceType == typeof(TMarker));
    }
}
