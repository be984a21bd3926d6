using Enc.Consensus.Primitives;

namespace Enc.Consensus.Blocks;

/// <summary>
/// One control-plane decision inside a block: an opaque payload tagged with its type
/// (see <see cref="DecisionTypes"/>). Consensus orders and certifies decisions; the type's owner
/// (the scheduler, the validator-set logic) interprets them.
/// </summary>
public sealed class Decision
{
    /// <summary>Longest accepted type name, in UTF-8 bytes.</summary>
    public const int MaxTypeLength = 128;

    private readonly byte[] _payload;

    /// <summary>Creates a decision.</summary>
    /// <exception cref="ArgumentException"><paramref name="type"/> is empty or longer than <see cref="MaxTypeLength"/>.</exception>
    public Decision(string type, ReadOnlySpan<byte> payload)
    {
        if (string.IsNullOrWhiteSpace(type) || System.Text.Encoding.UTF8.GetByteCount(type) > MaxTypeLength)
        {
            throw new ArgumentException($"Decision type must be 1..{MaxTypeLength} UTF-8 bytes.", nameof(type));
        }

        Type = type;
        _payload = payload.ToArray();
    }

    /// <summary>The decision's type name, e.g. <see cref="DecisionTypes.Placement"/>.</summary>
    public string Type { get; }

    /// <summary>The opaque payload.</summary>
    public ReadOnlySpan<byte> Payload => _payload;

    /// <summary>The payload as memory.</summary>
    public ReadOnlyMemory<byte> PayloadMemory => _payload;

    /// <summary>Writes the canonical encoding (type string, payload bytes).</summary>
    public void WriteTo(CanonicalWriter writer) => writer.WriteString(Type).WriteBytes(_payload);

    /// <summary>Reads one decision written by <see cref="WriteTo"/>.</summary>
    public static Decision ReadFrom(ref CanonicalReader reader) =>
        new(reader.ReadString("decision.type", MaxTypeLength), reader.ReadBytes("decision.payload"));
}
