using Enc.Consensus.Primitives;

namespace Enc.Consensus.Validators;

/// <summary>
/// The validators for one height, in canonical order (ascending public-key bytes), with the
/// weighted quorum arithmetic.
/// </summary>
/// <remarks>
/// QBFT's unweighted quorum is <c>ceil((2n+1)/3)</c> of <c>n = 3f+1</c> (QBFT spec, L1
/// <c>quorum(setSize) = (2*setSize - 1)/3 + 1</c>). ENC generalises it to weights: a set of signers
/// is a quorum when <c>3 * signedWeight &gt; 2 * totalWeight</c>. Any two quorums then overlap in
/// more than <c>W/3</c> weight, which exceeds the tolerated faulty weight (<c>&lt; W/3</c>), so they
/// share an honest validator; honest weight alone (<c>&gt; 2W/3</c>) is a quorum, giving liveness.
/// The round-skip rule's "f+1" becomes <c>3 * weight &gt; totalWeight</c> (at least one honest sender).
/// With equal weights both rules reduce exactly to the specification's counts.
/// </remarks>
public sealed class ValidatorSet
{
    private readonly Validator[] _validators;
    private readonly Dictionary<ValidatorKey, int> _indexByKey;

    /// <summary>Builds a set; validators are sorted into canonical order.</summary>
    /// <exception cref="ArgumentException">The set is empty, a weight is not positive, or a key repeats.</exception>
    public ValidatorSet(IEnumerable<Validator> validators)
    {
        ArgumentNullException.ThrowIfNull(validators);
        _validators = validators.OrderBy(v => v.Key).ToArray();
        if (_validators.Length == 0)
        {
            throw new ArgumentException("A validator set needs at least one validator.", nameof(validators));
        }

        _indexByKey = new Dictionary<ValidatorKey, int>(_validators.Length);
        long total = 0;
        for (var i = 0; i < _validators.Length; i++)
        {
            var v = _validators[i];
            if (v.Weight <= 0)
            {
                throw new ArgumentException($"Validator {v.Key} has weight {v.Weight}; weights must be > 0.", nameof(validators));
            }

            if (!_indexByKey.TryAdd(v.Key, i))
            {
                throw new ArgumentException($"Validator {v.Key} appears twice.", nameof(validators));
            }

            total = checked(total + v.Weight);
        }

        TotalWeight = total;
        Hash = ComputeHash(_validators);
    }

    /// <summary>Validators in canonical order; index i is bit i of a certificate bitmap.</summary>
    public IReadOnlyList<Validator> Validators => _validators;

    /// <summary>Number of validators.</summary>
    public int Count => _validators.Length;

    /// <summary>Sum of all weights (W).</summary>
    public long TotalWeight { get; }

    /// <summary>Digest of the canonical encoding of the set (keys and weights in order).</summary>
    public Hash256 Hash { get; }

    /// <summary>True when <paramref name="key"/> is a member.</summary>
    public bool Contains(ValidatorKey key) => _indexByKey.ContainsKey(key);

    /// <summary>Canonical index of <paramref name="key"/>, or -1.</summary>
    public int IndexOf(ValidatorKey key) => _indexByKey.TryGetValue(key, out var i) ? i : -1;

    /// <summary>Weight of <paramref name="key"/>, or 0 for non-members.</summary>
    public long WeightOf(ValidatorKey key) => _indexByKey.TryGetValue(key, out var i) ? _validators[i].Weight : 0;

    /// <summary>True when <paramref name="weight"/> is more than two thirds of the total weight.</summary>
    public bool IsQuorum(long weight) => 3 * (decimal)weight > 2 * (decimal)TotalWeight;

    /// <summary>True when <paramref name="weight"/> is more than one third of the total weight (must include an honest validator).</summary>
    public bool ExceedsFaultyWeight(long weight) => 3 * (decimal)weight > TotalWeight;

    /// <summary>Summed weight of distinct members among <paramref name="keys"/>; non-members count 0.</summary>
    public long WeightOf(IEnumerable<ValidatorKey> keys)
    {
        long sum = 0;
        foreach (var key in keys.Distinct())
        {
            sum += WeightOf(key);
        }

        return sum;
    }

    /// <summary>
    /// The proposer for <paramref name="height"/> and <paramref name="round"/>: canonical index
    /// <c>(height + round) mod n</c>. The QBFT spec (L1 <c>proposer(round, blockchain)</c>) starts
    /// round 0 after the previous block's proposer and adds the round; ENC derives the round-0
    /// index from the height instead, which is the same round-robin whenever blocks commit in
    /// round 0 and stays well defined when the previous proposer has left the set.
    /// </summary>
    public ValidatorKey ProposerFor(long height, int round)
    {
        var index = (int)(((height % Count) + (round % Count)) % Count);
        return _validators[index].Key;
    }

    private static Hash256 ComputeHash(Validator[] validators)
    {
        var writer = new CanonicalWriter(64 * validators.Length);
        writer.WriteRaw("ENC-VALSET-V1"u8).WriteUInt32((uint)validators.Length);
        foreach (var v in validators)
        {
            writer.WriteBytes(v.Key.Bytes).WriteInt64(v.Weight);
        }

        return Hash256.Compute(writer.WrittenSpan);
    }
}
