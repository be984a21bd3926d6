using BenchmarkDotNet.Attributes;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Receipts;
using Enc.Grains.Workloads;
using Enc.Ledger.Receipts;

namespace Enc.Benchmarks.Workloads;

/// <summary>
/// What <c>WorkloadGrain.Begin()</c> costs: one <see cref="WorkloadRecord.Copy"/> per operation (agent reports
/// included), so that a failed first write can put the record back. Records of three sizes: the load tool's
/// (<c>--workload-reports</c>: one instance, a few events), a busy one (3 replicas with 6 ended instances each, the
/// full 200 events, 40 chain heads, 10 receipts awaiting the ledger) and the largest the bounds allow (1,024 chain
/// heads). Compare with the per-report time of the load tool's unchanged rounds (docs/benchmarks.md, Workloads).
/// Run: <c>dotnet run -c Release --project Enc.Benchmarks -- --filter '*WorkloadRecordCopyBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class WorkloadRecordCopyBenchmarks
{
    private WorkloadRecord _record = new();

    /// <summary>Which record: the load tool's, a busy one, or the largest the bounds allow.</summary>
    [Params("load-tool", "busy", "largest")]
    public string Size { get; set; } = "load-tool";

    /// <summary>Builds the record.</summary>
    [GlobalSetup]
    public void Setup() => _record = Size switch
    {
        "load-tool" => Record(instances: 1, events: 3, chainHeads: 2, pending: 0),
        "busy" => Record(instances: 18, events: WorkloadPlanner.MaxEvents, chainHeads: 40, pending: 10),
        _ => Record(instances: 18, events: WorkloadPlanner.MaxEvents, chainHeads: ReceiptOutbox.MaxChainHeads, pending: 10),
    };

    /// <summary>The copy <c>Begin()</c> takes.</summary>
    [Benchmark]
    public WorkloadRecord Copy() => _record.Copy();

    private static WorkloadRecord Record(int instances, int events, int chainHeads, int pending)
    {
        var spec = new WorkloadSpec
        {
            Name = "web",
            Driver = WorkloadDriver.Process,
            Command = ["/bin/sleep", "3600"],
            Resources = new WorkloadResources { CpuMillicores = 100, MemoryBytes = 16L << 20 },
        };
        var at = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var record = new WorkloadRecord { Spec = spec, SpecVersion = 6, CreatedAt = at, UpdatedAt = at, Revision = 1000 };
        for (var i = 0; i < instances; i++)
        {
            record.Instances.Add(new WorkloadInstance
            {
                InstanceId = $"default-web-{i:x8}",
                WorkloadId = spec.Id,
                SpecVersion = 1 + (i % 6),
                Ordinal = i / 6,
                State = InstanceState.Succeeded,
                NodeName = "node-1",
            });
        }

        for (var i = 0; i < events; i++)
        {
            record.Events.Add(new WorkloadEvent { At = at.AddSeconds(i), WorkloadId = spec.Id, InstanceId = $"default-web-{i % 18:x8}", Kind = "Running", Message = "on node-1" });
        }

        for (var i = 0; i < chainHeads; i++)
        {
            record.Receipts.ChainHeads[$"instance/default-web-{i:x8}"] = new byte[32];
        }

        for (var i = 0; i < pending; i++)
        {
            record.Receipts.Pending.Add(new PendingReceipt
            {
                Id = new Guid(i, 0, 0, new byte[8]),
                Kind = ReceiptKind.InstanceStarted,
                Subject = $"instance/default-web-{i:x8}",
                Actor = "node/node-1",
                WallMilliseconds = at.ToUnixTimeMilliseconds() + i,
                Counter = 0,
                PayloadHash = new byte[32],
            });
        }

        return record;
    }
}
