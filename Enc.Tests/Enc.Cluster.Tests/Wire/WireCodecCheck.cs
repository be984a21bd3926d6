using Orleans.Serialization.Serializers;

namespace Enc.Cluster.Tests.Wire;

/// <summary>
/// Whether Orleans (as configured in this process) has a codec and a copier for every concrete type a wire member
/// is built from. A type with a copier but no codec is the worst case: calls within a silo succeed (nothing is
/// serialized there), and a one-way call to another silo is dropped.
/// </summary>
public static class WireCodecCheck
{
    /// <summary>What Orleans lacks for <paramref name="type"/> (or a concrete type it is built from), or null when nothing.</summary>
    public static string? Missing(Type type, ICodecProvider codecs)
    {
        foreach (var part in WireSurface.Constituents(type).Where(t => !t.IsInterface && t != typeof(object)))
        {
            var codec = codecs.TryGetCodec(part) is not null;
            var copier = codecs.TryGetDeepCopier(part) is not null;
            if (!codec || !copier)
            {
                var lacks = !codec && !copier ? "no codec and no copier" : !codec ? "no codec" : "no copier";
                return $"{WireSurface.Display(part)} has {lacks}: mark it [GenerateSerializer] with [Id]s (and [Alias])";
            }
        }

        return null;
    }
}
