using Enc.Consensus.Messages;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Engine;

/// <summary>
/// PREPAREs or COMMITs for one (round, digest): identical signing bytes from different senders.
/// Signatures are checked lazily: only when the collected weight could form a quorum, and then
/// with one aggregate verification (falling back to individual checks to evict forgeries).
/// </summary>
internal sealed class VoteTally
{
    private readonly Dictionary<ValidatorKey, SignedPayload> _votes = [];
    private readonly HashSet<ValidatorKey> _verified = [];

    public int Count => _votes.Count;

    public bool Contains(ValidatorKey sender) => _votes.ContainsKey(sender);

    public SignedPayload? Get(ValidatorKey sender) => _votes.GetValueOrDefault(sender);

    public void Add(SignedPayload vote, bool verified)
    {
        _votes[vote.Sender] = vote;
        if (verified)
        {
            _verified.Add(vote.Sender);
        }
        else
        {
            _verified.Remove(vote.Sender);
        }
    }

    /// <summary>
    /// Removes a sender's vote. If it belonged to a verified batch, the batch's other members that
    /// are not individually known valid are re-verified at the next quorum check, because the
    /// batch's aggregate no longer holds without it.
    /// </summary>
    public void Remove(ValidatorKey sender, VerifiedSignatureCache cache)
    {
        if (_verified.Remove(sender))
        {
            _verified.RemoveWhere(k => !cache.IsKnownValid(_votes[k]));
        }

        _votes.Remove(sender);
    }

    /// <summary>Verified votes in canonical sender order.</summary>
    public List<SignedPayload> VerifiedVotes() =>
        _votes.Values.Where(v => _verified.Contains(v.Sender)).OrderBy(v => v.Sender).ToList();

    /// <summary>
    /// True when verified votes carry a quorum of <paramref name="set"/>'s weight; verifies pending
    /// votes first when together they could. Forged votes are removed and returned in <paramref name="invalid"/>.
    /// </summary>
    public bool HasVerifiedQuorum(ValidatorSet set, VerifiedSignatureCache cache, List<SignedPayload> invalid)
    {
        long total = 0;
        long verified = 0;
        foreach (var (sender, _) in _votes)
        {
            var w = set.WeightOf(sender);
            total += w;
            if (_verified.Contains(sender))
            {
                verified += w;
            }
        }

        if (set.IsQuorum(verified))
        {
            return true;
        }

        if (!set.IsQuorum(total))
        {
            return false;
        }

        var pending = _votes.Values.Where(v => !_verified.Contains(v.Sender)).ToList();
        var bad = cache.VerifyBatch(pending);
        foreach (var vote in pending)
        {
            if (bad.Contains(vote))
            {
                _votes.Remove(vote.Sender);
                invalid.Add(vote);
            }
            else
            {
                _verified.Add(vote.Sender);
                verified += set.WeightOf(vote.Sender);
            }
        }

        return set.IsQuorum(verified);
    }
}
