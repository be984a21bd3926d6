using Enc.Grains.Consensus;
using Enc.Grains.Consensus.Hosting;
using Enc.Grains.Consensus.Options;
using Enc.Grains.Consensus.Scheduling;
using Enc.Grains.Interfaces.Consensus;
using Enc.Grains.Interfaces.Hosting;
using Enc.Grains.Ledger.Hosting;
using Enc.Grains.Nodes.Hosting;
using Enc.Grains.Scheduling;
using Enc.Grains.Workloads.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;

namespace Enc.Benchmarks.Consensus;

/// <summary>
/// n ENC silos in this process (an Orleans in-process test cluster), each configured like a
/// development-mode silo (in-memory storage, every ENC feature) and so each running its node's real
/// <see cref="ValidatorGrain"/> with the node's own BLS key; validators exchange every message
/// through Orleans (round grains, grain calls between silos). The only difference from a dev silo:
/// committed placements are counted by a <see cref="CommitRecorder"/> instead of being bound to
/// workload grains (the placements name workloads that do not exist; binding is measured by the
/// workload benchmark, not here).
/// </summary>
internal sealed class OrleansConsensusCluster : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;
    private readonly string _dataDirectory;

    private OrleansConsensusCluster(InProcessTestCluster cluster, string dataDirectory, CommitRecorder recorder)
    {
        _cluster = cluster;
        _dataDirectory = dataDirectory;
        Recorder = recorder;
    }

    /// <summary>The grain factory of the cluster's client.</summary>
    public IGrainFactory Grains => _cluster.Client;

    /// <summary>Counts committed placements.</summary>
    public CommitRecorder Recorder { get; }

    public static async Task<OrleansConsensusCluster> StartAsync(int validators, TimeSpan blockInterval)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("enc-consensus-bench-").FullName;
        var recorder = new CommitRecorder();
        var builder = new InProcessTestClusterBuilder((short)validators);
        builder.ConfigureHost(host => host.Logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(EncProviderNames.GrainStorage);
            silo.AddMemoryGrainStorage(EncProviderNames.PubSubStore);
            silo.UseInMemoryReminderService();
            silo.AddMemoryStreams(EncProviderNames.Streams);
            silo.AddEncNodes(o => o.DataDirectory = dataDirectory);
            silo.AddEncWorkloads();
            silo.AddEncLedger(o => o.DataDirectory = dataDirectory);
            silo.UseEncScheduler();
            silo.AddEncConsensus(o =>
            {
                o.GenesisValidators = validators;
                o.BlockInterval = blockInterval;
                o.BaseRoundTimeout = TimeSpan.FromSeconds(10); // a loaded machine decides in round 0
                o.StartInterval = TimeSpan.FromSeconds(2);
            });
            silo.Services.RemoveAll<IConsensusCommitHandler>();
            silo.Services.AddSingleton<IConsensusCommitHandler>(recorder);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new OrleansConsensusCluster(cluster, dataDirectory, recorder);
    }

    /// <summary>Waits until all validators run, every node's inventory is committed and the cluster is idle.</summary>
    public async Task WaitUntilReadyAsync(int validators, TimeSpan timeout)
    {
        var registry = Grains.GetGrain<IConsensusRegistryGrain>(IConsensusRegistryGrain.DefaultKey);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var status = await registry.GetStatusAsync();
            if (status is { Idle: true, PendingDecisions: 0 } && status.Validators.Count == validators
                && await InventoriedNodesAsync(status.Height) == validators)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{validators} validators were not ready within {timeout}.");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _cluster.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<int> InventoriedNodesAsync(long height)
    {
        var nodes = new HashSet<string>(StringComparer.Ordinal);
        for (var h = 1L; h < height; h++)
        {
            var block = await Grains.GetGrain<IConsensusRoundGrain>(h).GetBlockAsync();
            foreach (var decision in block?.Decisions ?? [])
            {
                if (decision.Type == NodeInventoryDecision.Type)
                {
                    nodes.Add(decision.Summary.Split(':')[0]);
                }
            }
        }

        return nodes.Count;
    }
}
