using Enc.Cluster.Tests.Infrastructure;
using Enc.Grains.Interfaces.Workloads;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Enc.Cluster.Tests.Wire;

/// <summary>
/// Collection expressions (<c>[a, b]</c>) passed where a grain method declares a collection interface: the
/// compiler fills the argument with a type it synthesizes, which Orleans has no codec of its own for. On two
/// production-mode silos (real TCP on loopback, PostgreSQL membership) and a client over TCP, such arguments
/// arrive for one-way and awaited calls alike, within a silo, between silos and from the client: Orleans 10
/// carries them as a <c>List&lt;T&gt;</c> (its interface-collection codecs), and copies them the same way on
/// the local path. <see cref="WireContractTypeTests"/> keeps the contracts to interfaces for which that holds;
/// the last test shows what happens to a value Orleans cannot serialize.
/// </summary>
public sealed class CollectionArgumentWireTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CollectionExpressionArgumentsArriveLocallyAcrossSilosAndFromAClientOverTcp()
    {
        await using var cluster = await TcpCluster.StartAsync("wireargs");
        var host = cluster.A.Services.GetRequiredService<IGrainFactory>().GetGrain<IWireProbeGrain>("probe");
        var remote = cluster.B.Services.GetRequiredService<IGrainFactory>().GetGrain<IWireProbeGrain>("probe");
        var client = cluster.Client.GrainFactory.GetGrain<IWireProbeGrain>("probe");
        await host.PushAsync(new[] { "activate" }); // placed on node-a (prefer-local), where its first caller runs

        await host.PushOneWayAsync(["local one-way"]);
        await host.PushAsync(["local awaited", "second"]);
        await remote.PushOneWayAsync(["silo one-way"]);
        await remote.PushOneWayAsync(["silo one-way", "second"]);
        await remote.PushAsync(["silo awaited"]);
        await client.PushOneWayAsync(["client one-way"]);
        await client.PushAsync(["client awaited", "second"]);
        await remote.PushOneWayAsync(new[] { "silo one-way array" });

        // One-way calls are not ordered behind awaited ones: wait until all nine calls were received.
        var received = await Eventually.WaitAsync(host.ReceivedAsync, r => r.Length >= 9, Timeout, "nine received calls");
        var byFirstItem = received.ToLookup(d => d.Items[0], StringComparer.Ordinal);
        Assert.Equal(9, received.Length);
        Assert.All(received, d => Assert.Equal(cluster.SiloAddressOf(cluster.A), d.Silo));
        Assert.Equal(["silo one-way"], byFirstItem["silo one-way"].Where(d => d.Items.Length == 1).Select(d => d.Items[0]));
        Assert.Equal(["silo one-way", "second"], byFirstItem["silo one-way"].Single(d => d.Items.Length == 2).Items);
        Assert.Equal(["client awaited", "second"], Assert.Single(byFirstItem["client awaited"]).Items);
        foreach (var first in new[] { "local one-way", "local awaited", "silo one-way", "silo awaited", "client one-way", "client awaited" })
        {
            // Even the local path copies: the grain never sees the caller's (synthesized) collection.
            Assert.All(byFirstItem[first], d => Assert.Equal(typeof(List<string>).Name, d.ArgumentType));
        }

        Assert.Equal(typeof(string[]).Name, Assert.Single(byFirstItem["silo one-way array"]).ArgumentType);
        Assert.Equal(typeof(string[]).Name, Assert.Single(byFirstItem["activate"]).ArgumentType);
    }

    /// <summary>
    /// What the wire rules prevent, shown with a value Orleans can copy but not serialize: between silos an
    /// awaited call fails with the serializer's error, while a one-way call returns normally and is dropped by
    /// the sending silo (which only logs it); within one silo both arrive, since nothing is serialized there.
    /// </summary>
    [Fact]
    public async Task AValueWithoutACodecFailsAnAwaitedCallButIsDroppedFromAOneWayCallOnlyBetweenSilos()
    {
        await using var cluster = await TcpCluster.StartAsync("wiredrop");
        var host = cluster.A.Services.GetRequiredService<IGrainFactory>().GetGrain<IWireProbeGrain>("probe");
        var remote = cluster.B.Services.GetRequiredService<IGrainFactory>().GetGrain<IWireProbeGrain>("probe");
        await host.PushAsync(new[] { "activate" });

        // The sending silo's connection fails to write the message and rejects the request with that error.
        var awaited = await Assert.ThrowsAsync<CodecNotFoundException>(() => remote.PushValueAsync(new CopyableButNotSerializable("remote awaited")));
        Assert.Contains(typeof(CopyableButNotSerializable).FullName!, awaited.Message, StringComparison.Ordinal);
        await remote.PushValueOneWayAsync(new CopyableButNotSerializable("remote one-way"));
        await host.PushValueOneWayAsync(new CopyableButNotSerializable("local one-way"));
        await host.PushValueAsync(new CopyableButNotSerializable("local awaited"));
        await remote.PushOneWayAsync(new[] { "remote marker" }); // sent after the dropped call, on the same path

        var received = await Eventually.WaitAsync(host.ReceivedAsync, r => r.Any(d => d.Items[0] == "remote marker"), Timeout, "the marker call");
        await Task.Delay(TimeSpan.FromSeconds(2), Ct); // a late delivery of the dropped call would show up here (it never does)
        received = await host.ReceivedAsync();
        Assert.Equal(["activate", "local awaited", "local one-way", "remote marker"], received.Select(d => d.Items[0]).Order(StringComparer.Ordinal));
        Assert.All(received.Where(d => d.Items[0].StartsWith("local", StringComparison.Ordinal)), d => Assert.Equal(nameof(CopyableButNotSerializable), d.ArgumentType));
    }

    /// <summary>
    /// The production call: <c>WorkloadAgent</c> sends <c>ReportAsync(node, [report])</c>, a one-way call
    /// with a collection expression, to a workload grain that normally lives on another silo.
    /// </summary>
    [Fact]
    public async Task AnAgentShapedOneWayReportFromAnotherSiloReachesTheWorkloadGrain()
    {
        await using var cluster = await TcpCluster.StartAsync("wirereport");
        await cluster.Client.Workloads.SubmitAsync(new WorkloadSpec
        {
            Name = "sleeper",
            Driver = WorkloadDriver.Process,
            Command = ["/bin/sleep", "3600"],
            Resources = new WorkloadResources { CpuMillicores = 100, MemoryBytes = 32L << 20 },
        }, Ct);
        var running = await Eventually.WaitAsync(
            async () => (await cluster.Client.Workloads.GetAsync("sleeper", Ct))!.Instances.FirstOrDefault(i => i.State == InstanceState.Running),
            i => i is not null,
            Timeout,
            "a Running instance");
        var workloadId = "default/sleeper";
        var grainSilo = await cluster.Client.GrainFactory.GetGrain<IManagementGrain>(0)
            .GetActivationAddress(cluster.Client.GrainFactory.GetGrain<IWorkloadGrain>(workloadId), Ct);
        var sender = cluster.SiloAddressOf(cluster.A) == grainSilo?.ToString() ? cluster.B : cluster.A;
        Assert.NotEqual(grainSilo?.ToString(), cluster.SiloAddressOf(sender));

        var report = InstanceReports.Of(running!, DateTimeOffset.UtcNow) with { RestartCount = running!.RestartCount + 1 };
        await sender.Services.GetRequiredService<IGrainFactory>().GetGrain<IWorkloadGrain>(workloadId).ReportAsync(running.NodeName!, [report]);

        await Eventually.WaitAsync(
            async () => (await cluster.Client.Workloads.GetAsync("sleeper", Ct))!.Instances.Single(i => i.InstanceId == running.InstanceId).RestartCount,
            n => n == running.RestartCount + 1,
            Timeout,
            "the report sent from another silo applied");
        Assert.True(await cluster.Client.Workloads.DeleteAsync("sleeper", Ct));
    }
}
