using Enc.Consensus.Blocks;
using Enc.Consensus.Crypto;

namespace Enc.Consensus.Validators;

/// <summary>
/// The validator set of every height, derived from the genesis set and the validator-set-change
/// decisions of committed blocks: changes committed at height h apply from height
/// <c>h + <see cref="ActivationDelay"/></c>. Every node derives the same sets from the same chain.
/// </summary>
public sealed class ValidatorSetHistory
{
    /// <summary>Heights between committing a change and the height it governs.</summary>
    /// <remarks>
    /// Two, not one: while height h+1 is being decided, block h may not yet have reached every
    /// validator (it may learn it from the NewBlock message or a certificate), so the set for h+1
    /// must not depend on block h.
    /// </remarks>
    public const int ActivationDelay = 2;

    private readonly IConsensusVerifier _verifier;
    private readonly List<ValidatorSet> _setByHeight = [];
    private IReadOnlyList<Validator> _scheduled;

    /// <summary>Starts a history whose heights 1 .. <see cref="ActivationDelay"/> use <paramref name="genesis"/>.</summary>
    public ValidatorSetHistory(ValidatorSet genesis, IConsensusVerifier verifier)
    {
        ArgumentNullException.ThrowIfNull(genesis);
        _verifier = verifier;
        Genesis = genesis;
        _scheduled = genesis.Validators;
        for (var i = 0; i < ActivationDelay; i++)
        {
            _setByHeight.Add(genesis);
        }
    }

    /// <summary>The genesis set.</summary>
    public ValidatorSet Genesis { get; }

    /// <summary>Highest height whose set is known.</summary>
    public long KnownUpToHeight => _setByHeight.Count;

    /// <summary>The members after every committed change, including ones not yet in effect.</summary>
    public IReadOnlyList<Validator> Scheduled => _scheduled;

    /// <summary>The set deciding <paramref name="height"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The height's set is not yet known.</exception>
    public ValidatorSet SetFor(long height)
    {
        if (height < 1 || height > _setByHeight.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, $"validator sets are known for heights 1..{_setByHeight.Count}");
        }

        return _setByHeight[(int)(height - 1)];
    }

    /// <summary>Records the committed block of the next height and schedules its changes.</summary>
    /// <exception cref="InvalidOperationException">The block is out of order or carries an invalid change.</exception>
    public void OnCommitted(ConsensusBlock block)
    {
        var expected = _setByHeight.Count - ActivationDelay + 1;
        if (block.Height != expected)
        {
            throw new InvalidOperationException($"Expected the block of height {expected}, got {block.Height}.");
        }

        var error = TryApplyChanges(_scheduled, block.Decisions, out var next);
        if (error is not null)
        {
            throw new InvalidOperationException($"Committed block {block.Height} carries an invalid validator-set change: {error}");
        }

        _scheduled = next;
        var previous = _setByHeight[^1];
        _setByHeight.Add(ReferenceEquals(next, previous.Validators) ? previous : new ValidatorSet(next));
    }

    /// <summary>
    /// Validates the validator-set changes in <paramref name="decisions"/> against the scheduled
    /// set, in order; returns null when they are valid, else the reason.
    /// </summary>
    public string? ValidateChanges(IReadOnlyList<Decision> decisions) => TryApplyChanges(_scheduled, decisions, out _);

    private string? TryApplyChanges(IReadOnlyList<Validator> start, IReadOnlyList<Decision> decisions, out IReadOnlyList<Validator> result)
    {
        result = start;
        foreach (var decision in decisions)
        {
            if (decision.Type != DecisionTypes.ValidatorSetChange)
            {
                continue;
            }

            ValidatorSetChange change;
            try
            {
                change = ValidatorSetChange.FromDecision(decision);
            }
            catch (FormatException e)
            {
                return e.Message;
            }

            var (next, error) = change.ApplyTo(result, _verifier);
            if (error is not null)
            {
                return error;
            }

            result = next!;
        }

        return null;
    }
}
