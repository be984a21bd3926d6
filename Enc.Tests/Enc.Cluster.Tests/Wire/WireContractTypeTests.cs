using System.Collections;
using System.Reflection;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Workloads;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;

namespace Enc.Cluster.Tests.Wire;

/// <summary>
/// Guards ENC's wire contracts (every grain interface and every <c>[GenerateSerializer]</c> type in the
/// assemblies whose types cross Orleans) against declared types that a caller can fill with a value Orleans
/// cannot serialize. Such a value fails an awaited call loudly but drops a one-way call silently (the
/// sending silo only logs it), so it must be impossible by contract, not by care at each call site.
/// </summary>
public sealed class WireContractTypeTests
{
    private static readonly Assembly[] ContractAssemblies = [typeof(IWorkloadGrain).Assembly, typeof(WorkloadGrain).Assembly];

    private static readonly IServiceProvider Serialization = new ServiceCollection().AddSerializer().BuildServiceProvider();

    [Fact]
    public void NoWireMemberDeclaresATypeOrleansMayFailToSerialize()
    {
        var surface = WireSurface.Members(ContractAssemblies);
        // The walk reaches grain method parameters, results and serialized members (else this test proves nothing).
        Assert.Contains(surface, m => m.Name == "IWorkloadGrain.ReportAsync(reports)");
        Assert.Contains(surface, m => m.Name == "IWorkloadGrain.GetEventsAsync result");
        Assert.Contains(surface, m => m.Name == "WorkloadSpec.Command");
        Assert.Contains(surface, m => m.Name == "WorkloadRecord.Instances");

        var violations = surface
            .Select(m => (Member: m, Why: WireTypeRules.Violation(m.Type)))
            .Where(v => v.Why is not null)
            .Select(v => $"{v.Member}: {v.Why}")
            .ToList();
        Assert.True(violations.Count == 0, "Wire members Orleans may fail to serialize:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void TheRuleNamesEveryUnsafeMemberAndOnlyThose()
    {
        var surface = WireSurface.MembersOf([typeof(UnsafeWireFixture), typeof(IUnsafeWireFixtureGrain)]);

        var rejected = surface.Where(m => WireTypeRules.Violation(m.Type) is not null).Select(m => m.Name).Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "IUnsafeWireFixtureGrain.GetAsync result",
                "IUnsafeWireFixtureGrain.PushAsync(items)",
                "UnsafeWireFixture.Anything",
                "UnsafeWireFixture.Comparables",
                "UnsafeWireFixture.Immutable",
                "UnsafeWireFixture.Untyped",
            ],
            rejected);
        Assert.Contains("IImmutableList<String>", WireTypeRules.Violation(typeof(UnsafeWireFixture).GetProperty(nameof(UnsafeWireFixture.Immutable))!.PropertyType), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryConcreteTypeOnTheWireHasACodecAndACopier()
    {
        var codecs = Serialization.GetRequiredService<ICodecProvider>();
        var surface = WireSurface.Members(ContractAssemblies);

        var missing = surface.Select(m => (Member: m, Why: WireCodecCheck.Missing(m.Type, codecs))).Where(v => v.Why is not null).Select(v => $"{v.Member}: {v.Why}").ToList();

        Assert.True(missing.Count == 0, "Wire members Orleans cannot serialize or copy:\n" + string.Join("\n", missing));
        var fixture = WireSurface.MembersOf([typeof(UnsafeWireFixture)]).Single(m => m.Name == "UnsafeWireFixture.Note");
        Assert.Equal(
            "CopyableButNotSerializable has no codec: mark it [GenerateSerializer] with [Id]s (and [Alias])",
            WireCodecCheck.Missing(fixture.Type, codecs));
    }

    /// <summary>
    /// What the rule relies on, checked against the Orleans version in use: every collection interface on ENC's
    /// wire carries (serializes, deserializes and deep-copies, as a local call does) a value whose own type
    /// Orleans does not know. Should a future Orleans drop those codecs, this fails naming the member.
    /// </summary>
    [Fact]
    public void EveryCollectionInterfaceOnTheWireCarriesAValueOfATypeOrleansDoesNotKnow()
    {
        var declared = WireSurface.Members(ContractAssemblies)
            .SelectMany(m => WireSurface.Constituents(m.Type).Select(type => (Member: m, Type: type)))
            .Where(x => x.Type.IsInterface && x.Type.IsGenericType && WireTypeRules.CarriedCollectionInterfaces.Contains(x.Type.GetGenericTypeDefinition()))
            .DistinctBy(x => x.Type)
            .ToList();
        Assert.Contains(declared, x => x.Type == typeof(IReadOnlyList<InstanceStatusReport>));

        var failures = new List<string>();
        var carry = typeof(WireContractTypeTests).GetMethod(nameof(Carry), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var (member, type) in declared)
        {
            var value = OpaqueCollections.EmptyOf(type);
            try
            {
                var (copy, read) = ((object, object))carry.MakeGenericMethod(type).Invoke(null, [value])!;
                foreach (var (what, result) in new[] { ("copy", copy), ("deserialized", read) })
                {
                    if (!type.IsInstanceOfType(result) || result.GetType() == value.GetType() || ((IEnumerable)result).Cast<object>().Any())
                    {
                        failures.Add($"{member}: the {what} value is {result.GetType()}");
                    }
                }
            }
            catch (TargetInvocationException ex)
            {
                failures.Add($"{member}: {WireSurface.Display(type)} holding {value.GetType().Name}: {ex.InnerException!.GetType().Name}: {ex.InnerException.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static (object Copy, object Read) Carry<T>(object value)
    {
        var typed = (T)value;
        var copy = Serialization.GetRequiredService<DeepCopier<T>>().Copy(typed)!;
        var serializer = Serialization.GetRequiredService<Serializer<T>>();
        var read = serializer.Deserialize(serializer.SerializeToArray(typed))!;
        return (copy, read);
    }
}
