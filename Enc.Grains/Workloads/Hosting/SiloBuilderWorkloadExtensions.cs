using Enc.Grains.Hosting;
using Enc.Grains.Ledger.Hosting;
using Enc.Grains.Workloads.Agent;
using Enc.Grains.Workloads.Options;
using Enc.Grains.Workloads.Placement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enc.Grains.Workloads.Hosting;

/// <summary>Registers workloads on a silo: the agent that runs them, failover, and the first placement policy.</summary>
public static class SiloBuilderWorkloadExtensions
{
    /// <summary>Adds ENC workloads, configuring <see cref="EncWorkloadOptions"/> with <paramref name="configure"/>.</summary>
    public static ISiloBuilder AddEncWorkloads(this ISiloBuilder builder, Action<EncWorkloadOptions>? configure = null) =>
        builder.AddEncWorkloads(EncFeatureRegistration.ConfigureWith(configure));

    /// <summary>Adds ENC workloads, configuring <see cref="EncWorkloadOptions"/> through an options builder.</summary>
    public static ISiloBuilder AddEncWorkloads(this ISiloBuilder builder, Action<OptionsBuilder<EncWorkloadOptions>> configureOptions)
    {
        builder.Services.AddEncWorkloads(configureOptions);
        return builder;
    }

    /// <summary>Adds ENC workloads to a silo's services; idempotent. A placement policy registered before wins.</summary>
    public static IServiceCollection AddEncWorkloads(this IServiceCollection services, Action<OptionsBuilder<EncWorkloadOptions>> configureOptions)
    {
        if (services.ConfigureFeature<EncWorkloadOptions, WorkloadAgent>(configureOptions))
        {
            return services;
        }

        services.AddEncLedger(_ => { }); // receipts
        services.AddSingleton<IConfigurationValidator, EncWorkloadOptionsValidator>();
        services.TryAddSingleton<IWorkloadPlacementPolicy, ResourceFitPlacementPolicy>();
        services.TryAddSingleton<IPlacementCluster>(sp =>
            new GrainPlacementCluster(sp.GetRequiredService<IGrainFactory>(), new ClusterViewCache(new GrainClusterStateSource(sp.GetRequiredService<IGrainFactory>()))));
        services.AddSingleton<WorkloadAgent>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<WorkloadAgent>());
        services.AddSingleton<NodeFailoverMonitor>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<NodeFailoverMonitor>());
        return services;
    }
}
