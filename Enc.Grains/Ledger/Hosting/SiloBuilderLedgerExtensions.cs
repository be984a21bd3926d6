using Enc.Grains.Hosting;
using Enc.Grains.Ledger.Options;
using Enc.Grains.Receipts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enc.Grains.Ledger.Hosting;

/// <summary>Registers receipts and the ledger on a silo: the node's signing identity, receipt emitters and the ledger grain's store.</summary>
public static class SiloBuilderLedgerExtensions
{
    /// <summary>Adds receipts and the ledger, configuring <see cref="EncLedgerOptions"/> with <paramref name="configure"/>.</summary>
    public static ISiloBuilder AddEncLedger(this ISiloBuilder builder, Action<EncLedgerOptions>? configure = null) =>
        builder.AddEncLedger(EncFeatureRegistration.ConfigureWith(configure));

    /// <summary>Adds receipts and the ledger, configuring <see cref="EncLedgerOptions"/> through an options builder.</summary>
    public static ISiloBuilder AddEncLedger(this ISiloBuilder builder, Action<OptionsBuilder<EncLedgerOptions>> configureOptions)
    {
        builder.Services.AddEncLedger(configureOptions);
        return builder;
    }

    /// <summary>Adds receipts and the ledger to a silo's services; idempotent.</summary>
    public static IServiceCollection AddEncLedger(this IServiceCollection services, Action<OptionsBuilder<EncLedgerOptions>> configureOptions)
    {
        if (services.ConfigureFeature<EncLedgerOptions, NodeIdentity>(configureOptions))
        {
            return services;
        }

        services.AddSingleton<IConfigurationValidator, EncLedgerOptionsValidator>();
        services.AddSingleton(sp => NodeIdentity.LoadOrCreate(
            sp.GetRequiredService<IOptions<EncLedgerOptions>>().Value.DataDirectory,
            sp.GetRequiredService<ILocalSiloDetails>().Name));
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, NodeIdentityLoader>();
        services.AddSingleton<ReceiptEmitterFactory>();
        services.AddSingleton<ReceiptPublicationGate>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ReceiptPublicationGate>());
        services.AddSingleton<LedgerStoreProvider>();
        return services;
    }
}
