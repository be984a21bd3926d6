using Enc.Consensus.Crypto;
using Enc.Consensus.Messages;
using Enc.Consensus.Primitives;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Evidence;

/// <summary>
/// Proof of misbehaviour: two messages signed by one validator for the same height, round and
/// type with different content (a different block digest, or a different prepared round or value).
/// Anyone can check it offline with the validator's public key; see <see cref="Verify"/>.
/// </summary>
public sealed class EquivocationEvidence
{
    /// <summary>Creates evidence; the pair is stored in a canonical order (by signing bytes).</summary>
    /// <exception cref="ArgumentException">The payloads do not conflict.</exception>
    public EquivocationEvidence(SignedPayload first, SignedPayload second)
    {
        var reason = ConflictError(first, second);
        if (reason is not null)
        {
            throw new ArgumentException($"Not an equivocation: {reason}.", nameof(second));
        }

        var swap = first.SigningBytes().AsSpan().SequenceCompareTo(second.SigningBytes()) > 0;
        First = swap ? second : first;
        Second = swap ? first : second;
    }

    /// <summary>The first of the two conflicting payloads (canonical order).</summary>
    public SignedPayload First { get; }

    /// <summary>The second conflicting payload.</summary>
    public SignedPayload Second { get; }

    /// <summary>The misbehaving validator.</summary>
    public ValidatorKey Offender => First.Sender;

    /// <summary>Height of the conflict.</summary>
    public long Height => First.Height;

    /// <summary>Round of the conflict.</summary>
    public int Round => First.Round;

    /// <summary>Type of the conflicting messages.</summary>
    public MessageType Type => First.Type;

    /// <summary>
    /// Verifies the evidence: same sender, height, round and type, different content, and both
    /// signatures valid under the sender's key. When <paramref name="set"/> is given, the sender
    /// must also be a member. Returns null when valid, else the reason.
    /// </summary>
    public string? Verify(IConsensusVerifier verifier, ValidatorSet? set = null)
    {
        var reason = ConflictError(First, Second);
        if (reason is not null)
        {
            return reason;
        }

        if (set is not null && !set.Contains(Offender))
        {
            return $"{Offender} is not a validator of height {Height}";
        }

        if (!verifier.Verify(First.Sender, First.SigningBytes(), First.Signature))
        {
            return "the first message's signature does not verify";
        }

        return verifier.Verify(Second.Sender, Second.SigningBytes(), Second.Signature)
            ? null
            : "the second message's signature does not verify";
    }

    /// <summary>Canonical encoding: tag, then both payloads.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(512);
        writer.WriteRaw("ENC-EVIDENCE-V1"u8);
        First.WriteTo(writer);
        Second.WriteTo(writer);
        return writer.ToArray();
    }

    /// <summary>Decodes <see cref="Encode"/>'s output (signatures are not checked; call <see cref="Verify"/>).</summary>
    /// <exception cref="FormatException">The bytes are malformed or the payloads do not conflict.</exception>
    public static EquivocationEvidence Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new CanonicalReader(encoded);
        if (!reader.ReadRaw(15, "evidence.tag").SequenceEqual("ENC-EVIDENCE-V1"u8))
        {
            throw new FormatException("Field 'evidence.tag' is not ENC-EVIDENCE-V1.");
        }

        var first = SignedPayload.ReadFrom(ref reader);
        var second = SignedPayload.ReadFrom(ref reader);
        reader.EnsureEnd("evidence");
        var reason = ConflictError(first, second);
        return reason is null ? new EquivocationEvidence(first, second) : throw new FormatException($"Not an equivocation: {reason}.");
    }

    private static string? ConflictError(SignedPayload a, SignedPayload b)
    {
        if (!a.Sender.Equals(b.Sender))
        {
            return "the messages have different senders";
        }

        if (a.Type != b.Type || a.Height != b.Height || a.Round != b.Round)
        {
            return "the messages differ in type, height or round";
        }

        return a.Digest == b.Digest && a.PreparedRound == b.PreparedRound ? "the messages carry the same content" : null;
    }
}
