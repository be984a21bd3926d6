using System.Collections.ObjectModel;

namespace Enc.Cluster.Tests.Wire;

/// <summary>
/// Collection types Orleans has no codec or copier for (test-only subclasses, looked up by exact type), standing in
/// for the types a collection expression synthesizes, which cannot be named in code.
/// </summary>
public static class OpaqueCollections
{
    /// <summary>An empty value of collection interface <paramref name="declared"/> whose runtime type Orleans does not know.</summary>
    public static object EmptyOf(Type declared)
    {
        var definition = declared.GetGenericTypeDefinition();
        var arguments = declared.GetGenericArguments();
        Type opaque = definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>) ? typeof(OpaqueDictionary<,>)
            : definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>) ? typeof(OpaqueSet<>)
            : typeof(OpaqueList<>);
        return Activator.CreateInstance(opaque.MakeGenericType(arguments))!;
    }

    /// <summary>A list Orleans has no codec for.</summary>
    public sealed class OpaqueList<T>() : ReadOnlyCollection<T>(new List<T>());

    /// <summary>A set Orleans has no codec for.</summary>
    public sealed class OpaqueSet<T>() : ReadOnlySet<T>(new HashSet<T>());

    /// <summary>A dictionary Orleans has no codec for.</summary>
    public sealed class OpaqueDictionary<TKey, TValue>() : ReadOnlyDictionary<TKey, TValue>(new Dictionary<TKey, TValue>())
        where TKey : notnull;
}
