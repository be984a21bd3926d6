using System.Net;
using System.Net.Sockets;
using Enc.Grains.Consensus.Hosting;
using Enc.Grains.Interfaces.Hosting;
using Enc.Grains.Ledger.Hosting;
using Enc.Grains.Nodes.Hosting;
using Enc.Grains.Scheduling;
using Enc.Grains.Workloads.Hosting;
using Enc.Silo.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Storage;

namespace Enc.Silo.Hosting;

/// <summary>
/// The composition point of an ENC silo. <see cref="AddEncSilo"/> = clustering + persistence +
/// features + dashboard; <see cref="AddEncFeatures"/> is where every ENC capability registers
/// (nodes, workloads, ledger, ...), so test clusters that bring their own clustering get them all.
/// </summary>
public static class SiloBuilderEncExtensions
{
    /// <summary>Configures a complete ENC silo from <paramref name="options"/>.</summary>
    public static ISiloBuilder AddEncSilo(this ISiloBuilder builder, EncSiloOptions options)
    {
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        builder.Services.AddSingleton<IConfigurationValidator, EncSiloOptionsValidator>();
        builder.Services.AddSingleton<IConfigurationValidator, EncSiloPortsValidator>();
        builder.Configure<SiloOptions>(o => o.SiloName = options.NodeName);
        builder.UseEncClustering(options);
        builder.AddEncPersistence(options.Mode, options.ConnectionString);
        builder.AddEncFeatures(options);
        if (options.DashboardEnabled)
        {
            builder.AddDashboard();
        }

        return builder;
    }

    /// <summary>Localhost clustering in development; ADO.NET membership on PostgreSQL in production.</summary>
    public static ISiloBuilder UseEncClustering(this ISiloBuilder builder, EncSiloOptions options)
    {
        if (options.Mode == EncSiloMode.Development)
        {
            return builder.UseLocalhostClustering(options.SiloPort, options.GatewayPort, null, options.ServiceId, options.ClusterId);
        }

        builder.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        builder.UseAdoNetClustering(o =>
        {
            o.Invariant = EncProviderNames.PostgresInvariant;
            o.ConnectionString = options.ConnectionString;
        });
        return options.AdvertisedAddress.Length > 0
            ? builder.ConfigureEndpoints(IPAddress.Parse(options.AdvertisedAddress), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true)
            : builder.ConfigureEndpoints(options.SiloPort, options.GatewayPort, AddressFamily.InterNetwork, listenOnAnyHostAddress: true);
    }

    /// <summary>
    /// Grain storage, pub/sub storage, reminders and streams: in memory in development, on PostgreSQL
    /// in production. State is serialized with the Orleans binary serializer (version tolerant by [Id]).
    /// </summary>
    public static ISiloBuilder AddEncPersistence(this ISiloBuilder builder, EncSiloMode mode, string connectionString)
    {
        builder.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        if (mode == EncSiloMode.Development)
        {
            builder.AddMemoryGrainStorage(EncProviderNames.GrainStorage);
            builder.AddMemoryGrainStorage(EncProviderNames.PubSubStore);
            builder.UseInMemoryReminderService();
        }
        else
        {
            void Configure(AdoNetGrainStorageOptions o)
            {
                o.Invariant = EncProviderNames.PostgresInvariant;
                o.ConnectionString = connectionString;
            }

            builder.AddAdoNetGrainStorage(EncProviderNames.GrainStorage, Configure);
            builder.AddAdoNetGrainStorage(EncProviderNames.PubSubStore, Configure);
            builder.UseAdoNetReminderService(o =>
            {
                o.Invariant = EncProviderNames.PostgresInvariant;
                o.ConnectionString = connectionString;
            });
        }

        builder.AddMemoryStreams(EncProviderNames.Streams);
        return builder;
    }

    /// <summary>Every ENC capability. Add new features here (for example <c>AddEncWorkloads()</c>).</summary>
    public static ISiloBuilder AddEncFeatures(this ISiloBuilder builder, EncSiloOptions options)
    {
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        builder.AddEncNodes(ob => ob
            .BindConfiguration(Grains.Nodes.Options.EncNodeOptions.SectionName)
            .Configure(o => o.DataDirectory = dataDirectory));
        builder.AddEncWorkloads(ob => ob.BindConfiguration(Grains.Workloads.Options.EncWorkloadOptions.SectionName));

        // Node signing keys, receipt outboxes and the ledger (PostgreSQL in production, memory in development).
        builder.AddEncLedger(ob => ob
            .BindConfiguration(Grains.Ledger.Options.EncLedgerOptions.SectionName)
            .Configure(o =>
            {
                o.DataDirectory = dataDirectory;
                o.ConnectionString = options.Mode == EncSiloMode.Production ? options.ConnectionString : "";
            }));

        // Workload placement goes through the Enc.Scheduling pipeline (ResourceBased/binpack by default).
        builder.UseEncScheduler();

        // Each node's QBFT validator, signing with the node key loaded above.
        builder.AddEncConsensus(ob => ob.BindConfiguration(Grains.Consensus.Options.EncConsensusOptions.SectionName));
        return builder;
    }
}
