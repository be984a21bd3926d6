using System.Reflection;

namespace Enc.Cluster.Tests.Wire;

/// <summary>
/// Everything ENC sends through Orleans, found by reflection so that a new grain method or wire member is
/// covered without editing a list: every grain interface's parameters and results, and every member of every
/// <c>[GenerateSerializer]</c> type, in the given assemblies.
/// </summary>
public static class WireSurface
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>The wire members declared in <paramref name="assemblies"/>.</summary>
    public static IReadOnlyList<WireMember> Members(params Assembly[] assemblies) => MembersOf(assemblies.SelectMany(a => a.GetTypes()));

    /// <summary>The wire members of <paramref name="types"/> (grain interfaces and serialized types; others are ignored).</summary>
    public static IReadOnlyList<WireMember> MembersOf(IEnumerable<Type> types)
    {
        var members = new List<WireMember>();
        foreach (var type in types)
        {
            if (type.IsInterface && typeof(IAddressable).IsAssignableFrom(type))
            {
                members.AddRange(GrainMethodMembers(type));
            }
            else if (type.IsDefined(typeof(GenerateSerializerAttribute), inherit: false))
            {
                members.AddRange(SerializedMembers(type));
            }
        }

        return members.Distinct().ToList();
    }

    /// <summary>The types <paramref name="type"/> is built from (itself, generic arguments and array elements, recursively).</summary>
    public static IEnumerable<Type> Constituents(Type type)
    {
        yield return type;
        var parts = type.IsArray ? [type.GetElementType()!] : type.IsGenericType ? type.GetGenericArguments() : [];
        foreach (var inner in parts.SelectMany(Constituents))
        {
            yield return inner;
        }
    }

    /// <summary>A readable C#-like name of <paramref name="type"/>.</summary>
    public static string Display(Type type) =>
        type.IsArray ? Display(type.GetElementType()!) + "[]"
        : type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Display))}>"
        : type.Name;

    private static IEnumerable<WireMember> GrainMethodMembers(Type grainInterface)
    {
        foreach (var method in grainInterface.GetMethods(Instance))
        {
            var name = $"{grainInterface.Name}.{method.Name}";
            foreach (var parameter in method.GetParameters())
            {
                yield return new WireMember($"{name}({parameter.Name})", parameter.ParameterType);
            }

            if (ResultType(method.ReturnType) is { } result)
            {
                yield return new WireMember($"{name} result", result);
            }
        }
    }

    // Task<T>/ValueTask<T> carry T; IAsyncEnumerable<T> streams T one by one (Orleans' own machinery carries the stream).
    private static Type? ResultType(Type returnType)
    {
        if (!returnType.IsGenericType)
        {
            return null;
        }

        var definition = returnType.GetGenericTypeDefinition();
        return definition == typeof(Task<>) || definition == typeof(ValueTask<>) || definition == typeof(IAsyncEnumerable<>)
            ? returnType.GetGenericArguments()[0]
            : null;
    }

    private static IEnumerable<WireMember> SerializedMembers(Type type)
    {
        foreach (var property in type.GetProperties(Instance).Where(p => p.IsDefined(typeof(IdAttribute))))
        {
            yield return new WireMember($"{type.Name}.{property.Name}", property.PropertyType);
        }

        foreach (var field in type.GetFields(Instance).Where(f => f.IsDefined(typeof(IdAttribute))))
        {
            yield return new WireMember($"{type.Name}.{field.Name}", field.FieldType);
        }

        // Records and classes that carry [Id] on primary-constructor parameters.
        foreach (var constructor in type.GetConstructors(Instance))
        {
            foreach (var parameter in constructor.GetParameters().Where(p => p.IsDefined(typeof(IdAttribute))))
            {
                yield return new WireMember($"{type.Name}({parameter.Name})", parameter.ParameterType);
            }
        }
    }
}
