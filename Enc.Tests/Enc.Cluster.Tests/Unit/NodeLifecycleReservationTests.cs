using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Nodes;

namespace Enc.Cluster.Tests.Unit;

/// <summary>Reservation stamps: who made each reservation and when, under a serial the audit's release checks.</summary>
public sealed class NodeLifecycleReservationTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ResourceQuantities Small = new() { CpuMillicores = 500, MemoryBytes = 1 << 20, DiskBytes = 0, NetworkBitsPerSecond = 0 };

    [Fact]
    public void AReservationRecordsItsWorkloadTimeAndAFreshSerial()
    {
        var node = ReadyNode();

        Assert.True(node.TryReserve("ns/web", "i1", Small, [], T0));
        Assert.True(node.TryReserve(null, "i2", Small, [], T0.AddSeconds(1)));

        Assert.Equal(
            [("i1", "ns/web", T0, 1L), ("i2", (string?)null, T0.AddSeconds(1), 2L)],
            node.Reservations().Select(r => (r.InstanceId, r.WorkloadId, r.ReservedAt, r.Serial)).ToArray());
    }

    [Fact]
    public void AReservationMadeAgainIsANewReservationTheOldReadNoLongerMatches()
    {
        var node = ReadyNode();
        node.TryReserve("ns/web", "i1", Small, [], T0);
        var read = Assert.Single(node.Reservations());

        Assert.True(node.TryReserve("ns/web", "i1", Small, [], T0));

        var again = Assert.Single(node.Reservations());
        Assert.NotEqual(read.Serial, again.Serial);
        Assert.False(node.ReservationIs("i1", read));
        Assert.True(node.ReservationIs("i1", again));
    }

    [Fact]
    public void ARefusedReservationChangesNoStamp()
    {
        var node = ReadyNode();
        Assert.False(node.TryReserve("ns/web", "big", Small with { CpuMillicores = 5000 }, [], T0));

        Assert.Empty(node.Reservations());
        Assert.Empty(node.Record.ReservationStamps);
        Assert.Equal(0, node.Record.LastReservationSerial);
    }

    [Fact]
    public void ReleasingAndPreemptingDropTheStamps()
    {
        var node = ReadyNode();
        node.TryReserve("ns/a", "a", Small, [], T0);
        node.TryReserve("ns/b", "b", Small, [], T0);

        Assert.True(node.UnassignWorkload("a"));
        Assert.True(node.TryReserve("ns/c", "c", Small, ["b"], T0));

        Assert.Equal(["c"], node.Record.ReservationStamps.Keys);
        Assert.Equal(["c"], node.Reservations().Select(r => r.InstanceId));
    }

    [Fact]
    public void AnEntryOnlyReadMatchesOnlyWhileNoReservationExists()
    {
        var node = ReadyNode();
        Assert.True(node.ReservationIs("i1", null));

        node.TryReserve("ns/web", "i1", Small, [], T0);

        Assert.False(node.ReservationIs("i1", null));
        Assert.False(node.ReservationIs("other", Assert.Single(node.Reservations())));
    }

    [Fact]
    public void ReservationsStoredBeforeStampsAreStampedWhenFirstSeenAndStaleStampsDropped()
    {
        var record = new NodeRecord();
        var node = new NodeLifecycle("n1", record);
        node.Register(NodeLifecycleTests.Registration(), T0, () => "id");
        node.TryAssignWorkload("legacy", Small); // the pre-stamp path: no stamp
        record.ReservationStamps["gone"] = new NodeReservationStamp { ReservedAt = T0, Serial = 7 };
        record.LastReservationSerial = 7;

        Assert.True(node.StampUnstamped(T0.AddHours(1)));
        Assert.False(node.StampUnstamped(T0.AddHours(2)));

        var legacy = Assert.Single(node.Reservations());
        Assert.Equal(("legacy", (string?)null, T0.AddHours(1), 8L), (legacy.InstanceId, legacy.WorkloadId, legacy.ReservedAt, legacy.Serial));
        Assert.Equal(["legacy"], record.ReservationStamps.Keys);
    }

    // Randomized: after any sequence of reserve, re-reserve, preempt and release, every reservation has exactly one
    // stamp, serials are unique, and the listed reservations are the allocations in order.
    [Fact]
    public void StampsFollowTheReservationsOnRandomSequences()
    {
        var random = new Random(424242);
        for (var round = 0; round < 200; round++)
        {
            var node = ReadyNode();
            var serials = new HashSet<long>();
            for (var step = 0; step < 40; step++)
            {
                var id = $"i{random.Next(8)}";
                var held = node.Record.Allocations.Select(a => a.Key).ToList();
                switch (random.Next(3))
                {
                    case 0:
                        node.TryReserve($"ns/w{random.Next(2)}", id, Small with { CpuMillicores = random.Next(1, 1500) }, [], T0.AddSeconds(step));
                        break;
                    case 1:
                        var victims = held.Where(_ => random.Next(3) == 0).Where(v => v != id).ToList();
                        node.TryReserve("ns/p", id, Small, victims, T0.AddSeconds(step));
                        break;
                    default:
                        node.UnassignWorkload(id);
                        break;
                }

                Assert.Equal(node.Record.Allocations.Select(a => a.Key).Order(), node.Record.ReservationStamps.Keys.Order());
                Assert.Equal(node.Record.Allocations.Select(a => a.Key), node.Reservations().Select(r => r.InstanceId));
                Assert.Equal(node.Record.ReservationStamps.Count, node.Record.ReservationStamps.Values.Select(s => s.Serial).Distinct().Count());
                foreach (var stamp in node.Record.ReservationStamps.Values)
                {
                    serials.Add(stamp.Serial);
                }
            }

            Assert.True(serials.All(s => s > 0 && s <= node.Record.LastReservationSerial));
        }
    }

    private static NodeLifecycle ReadyNode()
    {
        var node = new NodeLifecycle("n1", new NodeRecord());
        node.Register(NodeLifecycleTests.Registration(), T0, () => "id");
        node.MarkReady(T0);
        return node;
    }
}
