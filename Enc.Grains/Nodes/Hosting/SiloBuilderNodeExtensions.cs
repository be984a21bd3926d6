using Enc.Grains.Hosting;
using Enc.Grains.Interfaces.Nodes.Placement;
using Enc.Grains.Ledger.Hosting;
using Enc.Grains.Nodes.Agent;
using Enc.Grains.Nodes.Monitoring;
using Enc.Grains.Nodes.Options;
using Enc.Grains.Nodes.Placement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Enc.Grains.Nodes.Hosting;

/// <summary>Registers ENC nodes on a silo: node grains, their placement, the agent and the monitor.</summary>
public static class SiloBuilderNodeExtensions
{
    /// <summary>Adds ENC nodes, configuring <see cref="EncNodeOptions"/> with <paramref name="configure"/>.</summary>
    public static ISiloBuilder AddEncNodes(this ISiloBuilder builder, Action<EncNodeOptions>? configure = null) =>
        builder.AddEncNodes(EncFeatureRegistration.ConfigureWith(configure));

    /// <summary>Adds ENC nodes, configuring <see cref="EncNodeOptions"/> through an options builder.</summary>
    public static ISiloBuilder AddEncNodes(this ISiloBuilder builder, Action<OptionsBuilder<EncNodeOptions>> configureOptions)
    {
        builder.Services.AddEncNodes(configureOptions);
        return builder;
    }

    /// <summary>Adds ENC nodes to a silo's services; idempotent.</summary>
    public static IServiceCollection AddEncNodes(this IServiceCollection services, Action<OptionsBuilder<EncNodeOptions>> configureOptions)
    {
        if (services.ConfigureFeature<EncNodeOptions, NodeAgent>(configureOptions))
        {
            return services;
        }

        services.AddEncLedger(_ => { }); // node identity and receipts
        services.TryAddKeyedSingleton(EncTimeProviderNames.Nodes, TimeProvider.System);
        services.AddSingleton<IConfigurationValidator, EncNodeOptionsValidator>();
        services.AddPlacementDirector<NodeSiloPlacementStrategy, NodeSiloPlacementDirector>();
        services.AddSingleton<HostCapacityProbe>();
        services.AddSingleton<NodeAgent>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<NodeAgent>());
        services.AddSingleton<NodeHealthMonitor>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<NodeHealthMonitor>());
        return services;
    }
}
