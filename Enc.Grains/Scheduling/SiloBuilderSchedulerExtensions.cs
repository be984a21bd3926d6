using Enc.Grains.Hosting;
using Enc.Grains.Workloads.Placement;
using Enc.Scheduling.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Enc.Grains.Scheduling;

/// <summary>Puts ENC's scheduler pipeline behind workload placement, with the agent's topology probe.</summary>
public static class SiloBuilderSchedulerExtensions
{
    /// <summary>Uses <see cref="SchedulerPlacementPolicy"/> for workload placement, whether called before or after <c>AddEncWorkloads</c>.</summary>
    public static ISiloBuilder UseEncScheduler(this ISiloBuilder builder, Action<SchedulerOptions>? configure = null)
    {
        builder.Services.UseEncScheduler(configure);
        return builder;
    }

    /// <summary>
    /// Registers <see cref="SchedulerPlacementPolicy"/> as the <see cref="IWorkloadPlacementPolicy"/> (the last
    /// call's options win) and, once, the <see cref="NodeLatencyProbe"/> configured by <see cref="EncTopologyOptions"/>
    /// (section <see cref="EncTopologyOptions.SectionName"/>).
    /// </summary>
    public static IServiceCollection UseEncScheduler(this IServiceCollection services, Action<SchedulerOptions>? configure = null)
    {
        var options = new SchedulerOptions();
        configure?.Invoke(options);
        services.Replace(ServiceDescriptor.Singleton(options));
        services.Replace(ServiceDescriptor.Singleton<IWorkloadPlacementPolicy, SchedulerPlacementPolicy>());
        if (services.Any(s => s.ServiceType == typeof(NodeLatencyProbe)))
        {
            return services;
        }

        services.AddOptions<EncTopologyOptions>().BindConfiguration(EncTopologyOptions.SectionName);
        services.TryAddKeyedSingleton(EncTimeProviderNames.Nodes, TimeProvider.System);
        services.AddSingleton<IConfigurationValidator, EncTopologyOptionsValidator>();
        services.AddSingleton<NodeLatencyProbe>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<NodeLatencyProbe>());
        return services;
    }
}
