namespace Enc.Cluster.Tests.Wire;

/// <summary>
/// Which declared types may stand on ENC's wire contracts. A concrete type is carried by its own codec. An
/// interface is carried by the codec of whatever value fills it at run time, except for the generic
/// collection interfaces below: for those Orleans 10 (dotnet/orleans#10104, in the 10.4.2 used here) registers codecs and
/// copiers that write the value as a <c>List&lt;T&gt;</c>, <c>HashSet&lt;T&gt;</c> or
/// <c>Dictionary&lt;TKey, TValue&gt;</c> when its own type has none, e.g. the types the compiler synthesizes
/// for a collection expression. Any other interface (or <c>object</c>) on the wire can be filled with a value
/// Orleans cannot serialize, and a one-way call carrying it is then dropped with only a log line.
/// </summary>
public static class WireTypeRules
{
    /// <summary>The generic collection interfaces Orleans 10 carries by value whatever implements them.</summary>
    public static readonly IReadOnlySet<Type> CarriedCollectionInterfaces = new HashSet<Type>
    {
        typeof(IEnumerable<>),
        typeof(IReadOnlyCollection<>),
        typeof(IReadOnlyList<>),
        typeof(ICollection<>),
        typeof(IList<>),
        typeof(ISet<>),
        typeof(IReadOnlySet<>),
        typeof(IDictionary<,>),
        typeof(IReadOnlyDictionary<,>),
    };

    /// <summary>Why <paramref name="type"/> (or a type it is built from) is unsafe on the wire, or null when it is safe.</summary>
    public static string? Violation(Type type)
    {
        foreach (var part in WireSurface.Constituents(type))
        {
            if (part == typeof(object))
            {
                return "object: any value can fill it, including one Orleans has no codec for";
            }

            if (!part.IsInterface || typeof(IAddressable).IsAssignableFrom(part))
            {
                continue; // concrete types have codecs (or fail the build); grain references are carried as references
            }

            if (!part.IsGenericType || !CarriedCollectionInterfaces.Contains(part.GetGenericTypeDefinition()))
            {
                return $"interface {WireSurface.Display(part)}: Orleans serializes it by the runtime type of its value, "
                    + "which may have no codec; declare a concrete type (T[], List<T>, Dictionary<K, V>) or one of the "
                    + "generic collection interfaces Orleans carries by value";
            }
        }

        return null;
    }
}
