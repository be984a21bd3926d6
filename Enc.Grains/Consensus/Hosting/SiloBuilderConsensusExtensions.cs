using Enc.Grains.Consensus.Keys;
using Enc.Grains.Consensus.Options;
using Enc.Grains.Consensus.Scheduling;
using Enc.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Enc.Grains.Consensus.Hosting;

/// <summary>
/// Registers ENC consensus on a silo: the node's validator grain (signing with the node key of
/// <c>AddEncLedger</c>, which must also be added) and its starter.
/// </summary>
public static class SiloBuilderConsensusExtensions
{
    /// <summary>Adds consensus, configuring <see cref="EncConsensusOptions"/> with <paramref name="configure"/>.</summary>
    public static ISiloBuilder AddEncConsensus(this ISiloBuilder builder, Action<EncConsensusOptions>? configure = null) =>
        builder.AddEncConsensus(EncFeatureRegistration.ConfigureWith(configure));

    /// <summary>Adds consensus, configuring <see cref="EncConsensusOptions"/> through an options builder.</summary>
    public static ISiloBuilder AddEncConsensus(this ISiloBuilder builder, Action<OptionsBuilder<EncConsensusOptions>> configureOptions)
    {
        builder.Services.AddEncConsensus(configureOptions);
        return builder;
    }

    /// <summary>Adds consensus to a silo's services; idempotent (options configurations accumulate).</summary>
    public static IServiceCollection AddEncConsensus(this IServiceCollection services, Action<OptionsBuilder<EncConsensusOptions>> configureOptions)
    {
        if (services.ConfigureFeature<EncConsensusOptions, ConsensusValidatorStarter>(configureOptions))
        {
            return services;
        }

        services.TryAddKeyedSingleton(EncTimeProviderNames.Consensus, TimeProvider.System);
        services.AddSingleton<IConfigurationValidator, EncConsensusOptionsValidator>();
        services.TryAddSingleton<IValidatorKeyProvider, NodeIdentityValidatorKeyProvider>();
        services.AddSingleton<IConsensusCommitHandler, ConsensusPlacementBinder>();
        services.AddSingleton<ConsensusValidatorStarter>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ConsensusValidatorStarter>());
        return services;
    }
}
