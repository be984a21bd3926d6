using Enc.Consensus.Crypto;
using Enc.Consensus.Messages;
using Enc.Consensus.Primitives;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Engine;

/// <summary>
/// Remembers which signed payloads of the current height already verified, so that a payload
/// seen directly and again inside a justification is checked once.
/// </summary>
internal sealed class VerifiedSignatureCache(IConsensusVerifier verifier)
{
    private readonly HashSet<(ValidatorKey Sender, Hash256 Content, Hash256 Signature)> _verified = [];

    public IConsensusVerifier Verifier => verifier;

    public void Clear() => _verified.Clear();

    public bool IsKnownValid(SignedPayload payload) => _verified.Contains(Key(payload));

    public void MarkValid(SignedPayload payload) => _verified.Add(Key(payload));

    /// <summary>Verifies one payload's signature (cached).</summary>
    public bool Verify(SignedPayload payload)
    {
        var key = Key(payload);
        if (_verified.Contains(key))
        {
            return true;
        }

        if (!verifier.Verify(payload.Sender, payload.SigningBytes(), payload.Signature))
        {
            return false;
        }

        _verified.Add(key);
        return true;
    }

    /// <summary>
    /// Verifies votes that share one signing message, for a tally: one FastAggregateVerify over
    /// the ones not individually known valid; when it fails (or cannot be formed) one check each.
    /// Returns the invalid ones.
    /// </summary>
    /// <remarks>
    /// A passing aggregate proves the batch's sum, not each member: two Byzantine signers can
    /// submit individually invalid signatures that cancel out. Members of a passing batch are
    /// therefore NOT cached as individually valid; the tally tracks them as a verified batch, and
    /// any union of verified batches is again a valid aggregate (which is all a certificate or a
    /// justification needs).
    /// </remarks>
    public List<SignedPayload> VerifyBatch(IReadOnlyList<SignedPayload> payloads)
    {
        var unknown = payloads.Where(p => !IsKnownValid(p)).ToList();
        var invalid = new List<SignedPayload>();
        if (unknown.Count == 0 || (unknown.Count > 1 && TryAggregateVerify(unknown)))
        {
            return invalid;
        }

        foreach (var payload in unknown)
        {
            if (!Verify(payload))
            {
                invalid.Add(payload);
            }
        }

        return invalid;
    }

    /// <summary>True when the payloads (one shared signing message) form a valid aggregate; one pairing check at most.</summary>
    public bool VerifySet(IReadOnlyList<SignedPayload> payloads)
    {
        var unknown = payloads.Where(p => !IsKnownValid(p)).ToList();
        return unknown.Count == 0 || (unknown.Count == 1 ? Verify(unknown[0]) : TryAggregateVerify(unknown));
    }

    private bool TryAggregateVerify(List<SignedPayload> payloads)
    {
        byte[] aggregate;
        try
        {
            aggregate = verifier.Aggregate(payloads.Select(p => p.Signature).ToList());
        }
        catch (ArgumentException)
        {
            return false;
        }

        return verifier.FastAggregateVerify(payloads.Select(p => p.Sender).ToList(), payloads[0].SigningBytes(), aggregate);
    }

    private static (ValidatorKey, Hash256, Hash256) Key(SignedPayload p) =>
        (p.Sender, Hash256.Compute(p.SigningBytes()), Hash256.Compute(p.Signature));
}
