using Enc.Cluster.Tests.Infrastructure;
using Enc.Grains.Consensus.Options;
using Enc.Grains.Interfaces.Consensus;
using Enc.Silo.Database;
using Microsoft.Extensions.DependencyInjection;

namespace Enc.Cluster.Tests.Consensus;

/// <summary>
/// A multi-silo test cluster whose every silo runs its node's validator, with grain state in a
/// throwaway PostgreSQL database (a stopped silo must not take round or registry state with it).
/// </summary>
internal static class ConsensusTestCluster
{
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(90);

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<(PostgresDatabase Db, DevTestCluster Cluster)> StartAsync(string owner, int silos, Action<ISiloBuilder>? configure = null)
    {
        var db = await PostgresDatabase.CreateAsync(owner);
        await SchemaMigrator.Default.MigrateAsync(db.ConnectionString, Ct);
        var cluster = await DevTestCluster.StartAsync(silos, storageConnectionString: db.ConnectionString, configure: silo =>
        {
            silo.Services.Configure<EncConsensusOptions>(o =>
            {
                o.GenesisValidators = silos;
                o.BaseRoundTimeout = TimeSpan.FromSeconds(10); // long enough that a loaded machine decides in round 0
                o.StartInterval = TimeSpan.FromMilliseconds(500);
            });
            configure?.Invoke(silo);
        });
        return (db, cluster);
    }

    /// <summary>Waits until some validator reports <paramref name="done"/>.</summary>
    public static Task<ConsensusStatus?> WaitForStatusAsync(Enc.Client.EncClient client, Func<ConsensusStatus, bool> done, string what) =>
        Eventually.WaitAsync(() => client.Consensus.GetStatusAsync(Ct), s => s is not null && done(s), WaitTimeout, what);

    /// <summary>Waits until the block at <paramref name="height"/> is recorded.</summary>
    public static async Task<ConsensusBlockRecord> WaitForBlockAsync(Enc.Client.EncClient client, long height) =>
        (await Eventually.WaitAsync(() => client.Consensus.GetBlockAsync(height, Ct), b => b is not null, WaitTimeout, $"block {height}"))!;

    /// <summary>Waits until the inventory of every node in <paramref name="names"/> is in a committed block.</summary>
    public static Task<int> WaitForInventoriesAsync(Enc.Client.EncClient client, IReadOnlyCollection<string> names)
    {
        // The latest committed inventory of every node must say Ready: a node whose first inventory was committed
        // while it was still joining submits another one once it is Ready, which would land in a later block.
        return Eventually.WaitAsync(async () =>
        {
            var latest = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var h = 1L; await client.Consensus.GetBlockAsync(h, Ct) is { } block; h++)
            {
                foreach (var d in block.Decisions.Where(d => d.Type == Grains.Consensus.Scheduling.NodeInventoryDecision.Type))
                {
                    foreach (var n in names.Where(n => d.Summary.StartsWith($"inventory of {n}:", StringComparison.Ordinal)))
                    {
                        latest[n] = d.Summary;
                    }
                }
            }

            return names.Count(n => latest.TryGetValue(n, out var summary) && summary.StartsWith($"inventory of {n}: Ready,", StringComparison.Ordinal));
        }, c => c == names.Count, WaitTimeout, "a Ready inventory of every node committed");
    }
}
