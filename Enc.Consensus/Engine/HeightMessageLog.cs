using Enc.Consensus.Evidence;
using Enc.Consensus.Messages;
using Enc.Consensus.Primitives;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Engine;

/// <summary>
/// Messages received for the current height (QBFT spec L1 <c>messagesReceived</c>, restricted to
/// one height): the first payload per (type, round, sender) for equivocation detection, PREPARE
/// and COMMIT tallies per (round, digest), and validated ROUND-CHANGEs per round.
/// </summary>
internal sealed class HeightMessageLog
{
    private readonly Dictionary<(MessageType, int, ValidatorKey), SignedPayload> _firstSeen = [];
    private readonly HashSet<(MessageType, int, ValidatorKey)> _evidenced = [];
    private readonly Dictionary<(int, Hash256), VoteTally> _prepares = [];
    private readonly Dictionary<(int, Hash256), VoteTally> _commits = [];
    private readonly Dictionary<int, Dictionary<ValidatorKey, RoundChangeMessage>> _roundChanges = [];

    public void Clear()
    {
        _firstSeen.Clear();
        _evidenced.Clear();
        _prepares.Clear();
        _commits.Clear();
        _roundChanges.Clear();
    }

    public VoteTally Prepares(int round, Hash256 digest) => Tally(_prepares, round, digest);

    public VoteTally Commits(int round, Hash256 digest) => Tally(_commits, round, digest);

    public VoteTally VotesFor(SignedPayload vote) =>
        vote.Type == MessageType.Prepare ? Prepares(vote.Round, vote.Digest) : Commits(vote.Round, vote.Digest);

    public Dictionary<ValidatorKey, RoundChangeMessage> RoundChanges(int round)
    {
        if (!_roundChanges.TryGetValue(round, out var byRound))
        {
            byRound = [];
            _roundChanges[round] = byRound;
        }

        return byRound;
    }

    /// <summary>Round-change senders per round above <paramref name="round"/>.</summary>
    public IEnumerable<(int Round, ValidatorKey Sender)> RoundChangesAbove(int round) =>
        _roundChanges.Where(kv => kv.Key > round).SelectMany(kv => kv.Value.Keys.Select(k => (kv.Key, k)));

    /// <summary>
    /// Records <paramref name="payload"/> as its sender's message for its type and round, checking
    /// it against an earlier one. <paramref name="previous"/> is the payload held before.
    /// </summary>
    public ObservationResult Observe(SignedPayload payload, VerifiedSignatureCache cache, out SignedPayload? previous, out EquivocationEvidence? evidence)
    {
        evidence = null;
        var key = (payload.Type, payload.Round, payload.Sender);
        if (!_firstSeen.TryGetValue(key, out previous))
        {
            _firstSeen[key] = payload;
            return ObservationResult.New;
        }

        if (previous.SameContentAs(payload))
        {
            if (previous.Signature.AsSpan().SequenceEqual(payload.Signature) || cache.Verify(previous))
            {
                return ObservationResult.Duplicate;
            }

            return ReplaceIfValid(key, payload, cache);
        }

        var previousValid = cache.Verify(previous);
        var currentValid = cache.Verify(payload);
        if (previousValid && currentValid)
        {
            if (_evidenced.Add(key))
            {
                evidence = new EquivocationEvidence(previous, payload);
            }

            return ObservationResult.Conflict;
        }

        return previousValid ? ObservationResult.Forged : ReplaceIfValid(key, payload, cache);
    }

    private ObservationResult ReplaceIfValid((MessageType, int, ValidatorKey) key, SignedPayload payload, VerifiedSignatureCache cache)
    {
        if (!cache.Verify(payload))
        {
            return ObservationResult.Forged;
        }

        _firstSeen[key] = payload;
        return ObservationResult.ReplacedForgery;
    }

    private static VoteTally Tally(Dictionary<(int, Hash256), VoteTally> tallies, int round, Hash256 digest)
    {
        if (!tallies.TryGetValue((round, digest), out var tally))
        {
            tally = new VoteTally();
            tallies[(round, digest)] = tally;
        }

        return tally;
    }
}
