using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Nodes.Reservations;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Nodes.Reservations;

namespace Enc.Cluster.Tests.Unit;

/// <summary>The reservation audit's decisions: what it asks about, under which workload, and what an answer means.</summary>
public sealed class NodeReservationAuditTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(10);

    public static TheoryData<string, NodeReservation[], AssignedInstance[], string[], string[]> Cases => new()
    {
        {
            "a reservation younger than the grace period is never asked about (a placement may be in progress)",
            [Reservation("i1", "ns/web", age: Grace - TimeSpan.FromTicks(1))], [Entry("i1", "ns/web")], [], []
        },
        {
            "a reservation exactly as old as the grace period is asked about, under the workload that made it",
            [Reservation("i1", "ns/web", age: Grace)], [Entry("i1", "ns/web")], ["i1 ns/web reserved"], []
        },
        {
            "the recorded workload wins over the entry's",
            [Reservation("i1", "ns/web", age: Grace * 2)], [Entry("i1", "ns/other")], ["i1 ns/web reserved"], []
        },
        {
            "a reservation without a recorded workload is asked about under its entry's workload",
            [Reservation("i1", null, age: Grace * 2)], [Entry("i1", "ns/web")], ["i1 ns/web reserved"], []
        },
        {
            "a reservation without a recorded workload or an entry is left alone, listed apart",
            [Reservation("i1", null, age: Grace * 2)], [], [], ["i1"]
        },
        {
            "an entry without a reservation (a finished instance) is asked about whatever its age",
            [], [Entry("i2", "ns/job")], ["i2 ns/job entry"], []
        },
        {
            "an entry whose reservation is young is not asked about as an entry either",
            [Reservation("i1", "ns/web", age: TimeSpan.Zero)], [Entry("i1", "ns/web")], [], []
        },
        {
            "reservations in the node's order first, then entries by instance id",
            [Reservation("b", "ns/x", age: Grace), Reservation("a", "ns/y", age: Grace * 3)],
            [Entry("z", "ns/z"), Entry("b", "ns/x"), Entry("c", "ns/c")],
            ["b ns/x reserved", "a ns/y reserved", "c ns/c entry", "z ns/z entry"], []
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void PlanAsksAboutOldReservationsAndUnreservedEntries(
        string name, NodeReservation[] reservations, AssignedInstance[] entries, string[] asked, string[] ownerUnknown)
    {
        var plan = NodeReservationAudit.Plan(reservations, entries, Now, Grace);

        Assert.True(asked.SequenceEqual(plan.Ask.Select(Describe)), $"{name}: asked {string.Join("; ", plan.Ask.Select(Describe))}");
        Assert.Equal(ownerUnknown, plan.OwnerUnknown);
    }

    [Fact]
    public void APlannedReservationCarriesTheReservationAsRead()
    {
        var reservation = Reservation("i1", "ns/web", age: Grace);

        var candidate = Assert.Single(NodeReservationAudit.Plan([reservation], [], Now, Grace).Ask);

        Assert.Same(reservation, candidate.Reservation);
    }

    [Theory]
    [InlineData(true, NodeReservationVerdict.Owned)]
    [InlineData(false, NodeReservationVerdict.Orphaned)]
    [InlineData(null, NodeReservationVerdict.Unknown)]
    public void AnAnswerMeans(bool? holds, NodeReservationVerdict verdict) => Assert.Equal(verdict, NodeReservationAudit.Judge(holds));

    [Fact]
    public void ANonPositiveGracePeriodIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NodeReservationAudit.Plan([], [], Now, TimeSpan.Zero));

    // Randomized cross-check against the rule stated plainly: ask about a reservation when it is at least the grace
    // period old and a workload is known for it; ask about an entry when the node holds no reservation for it.
    [Fact]
    public void PlanMatchesTheSimpleRuleOnRandomNodes()
    {
        var random = new Random(20301201);
        for (var round = 0; round < 300; round++)
        {
            var ids = Enumerable.Range(0, random.Next(0, 12)).Select(i => $"i{i}").ToList();
            var reservations = ids.Where(_ => random.Next(2) == 0)
                .Select(id => Reservation(id, random.Next(3) == 0 ? null : $"ns/w{random.Next(3)}", TimeSpan.FromMinutes(random.Next(0, 21))))
                .ToList();
            var entries = ids.Where(_ => random.Next(2) == 0).Select(id => Entry(id, $"ns/e{random.Next(3)}")).ToList();

            var plan = NodeReservationAudit.Plan(reservations, entries, Now, Grace);

            var expected = new List<string>();
            var unknown = new List<string>();
            foreach (var r in reservations.Where(r => Now - r.ReservedAt >= Grace))
            {
                var owner = r.WorkloadId ?? entries.FirstOrDefault(e => e.InstanceId == r.InstanceId)?.Spec.Id;
                if (owner is null)
                {
                    unknown.Add(r.InstanceId);
                }
                else
                {
                    expected.Add($"{r.InstanceId} {owner} reserved");
                }
            }

            expected.AddRange(entries.Where(e => reservations.All(r => r.InstanceId != e.InstanceId))
                .OrderBy(e => e.InstanceId, StringComparer.Ordinal).Select(e => $"{e.InstanceId} {e.Spec.Id} entry"));
            Assert.Equal(expected, plan.Ask.Select(Describe));
            Assert.Equal(unknown, plan.OwnerUnknown);
        }
    }

    private static string Describe(NodeReservationAuditCandidate c) => $"{c.InstanceId} {c.WorkloadId} {(c.Reservation is null ? "entry" : "reserved")}";

    private static NodeReservation Reservation(string instanceId, string? workloadId, TimeSpan age) => new()
    {
        InstanceId = instanceId,
        Resources = new ResourceQuantities { CpuMillicores = 100, MemoryBytes = 1 << 20, DiskBytes = 0, NetworkBitsPerSecond = 0 },
        ReservedAt = Now - age,
        Serial = 1,
        WorkloadId = workloadId,
    };

    private static AssignedInstance Entry(string instanceId, string workloadId)
    {
        var parts = workloadId.Split('/');
        return new AssignedInstance
        {
            InstanceId = instanceId,
            Spec = new WorkloadSpec { Namespace = parts[0], Name = parts[1], Driver = WorkloadDriver.Process, Command = ["/bin/true"], Resources = new WorkloadResources { CpuMillicores = 100, MemoryBytes = 16L << 20 } },
            SpecVersion = 1,
        };
    }
}
