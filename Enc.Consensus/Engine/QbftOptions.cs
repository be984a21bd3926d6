namespace Enc.Consensus.Engine;

/// <summary>Tuning of one <see cref="QbftEngine"/>.</summary>
public sealed class QbftOptions
{
    /// <summary>Timeout of round 0; round r waits <c>BaseRoundTimeout * 2^r</c> (QBFT spec L1 <c>roundTimeout</c>).</summary>
    /// <value>Defaults to 1 second.</value>
    public TimeSpan BaseRoundTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of the exponential round timeout.</summary>
    /// <value>Defaults to 60 seconds.</value>
    public TimeSpan MaxRoundTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the round-0 proposer waits after a height starts before proposing (QBFT spec L1 <c>UponBlockTimeout</c>, <c>blockTime</c>).</summary>
    /// <value>Defaults to zero: propose as soon as the previous block is committed.</value>
    public TimeSpan BlockInterval { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Whether a height starts its timers (and its proposer proposes, possibly an empty block) even
    /// when this validator has no pending decisions. When false, a height with nothing pending stays
    /// idle (no timers, no messages) until the host calls <see cref="QbftEngine.Wake"/> because work
    /// arrived, or a message for the height arrives from another validator.
    /// </summary>
    /// <value>Defaults to true (QBFT's fixed block period). ENC's silos set it to false so an idle cluster signs nothing.</value>
    public bool ProposeEmptyBlocks { get; set; } = true;

    /// <summary>Most decisions the proposer puts into one block.</summary>
    /// <value>Defaults to 10,000.</value>
    public int MaxDecisionsPerBlock { get; set; } = 10_000;

    /// <summary>How many heights ahead of the current one messages are buffered (and how many certified blocks a lagging validator is sent at once).</summary>
    /// <value>Defaults to 64.</value>
    public int FutureHeightWindow { get; set; } = 64;

    /// <summary>Most buffered future-height messages; beyond it new ones are dropped.</summary>
    /// <value>Defaults to 20,000.</value>
    public int MaxBufferedMessages { get; set; } = 20_000;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (BaseRoundTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(BaseRoundTimeout)} must be positive.", nameof(BaseRoundTimeout));
        }

        if (MaxRoundTimeout < BaseRoundTimeout)
        {
            throw new ArgumentException($"{nameof(MaxRoundTimeout)} must be >= {nameof(BaseRoundTimeout)}.", nameof(MaxRoundTimeout));
        }

        if (BlockInterval < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(BlockInterval)} must not be negative.", nameof(BlockInterval));
        }

        if (MaxDecisionsPerBlock is < 0 or > Blocks.ConsensusBlock.MaxDecisions)
        {
            throw new ArgumentException($"{nameof(MaxDecisionsPerBlock)} must be in 0..{Blocks.ConsensusBlock.MaxDecisions}.", nameof(MaxDecisionsPerBlock));
        }

        if (FutureHeightWindow < 1)
        {
            throw new ArgumentException($"{nameof(FutureHeightWindow)} must be >= 1.", nameof(FutureHeightWindow));
        }

        if (MaxBufferedMessages < 0)
        {
            throw new ArgumentException($"{nameof(MaxBufferedMessages)} must not be negative.", nameof(MaxBufferedMessages));
        }
    }

    /// <summary>The timeout of <paramref name="round"/>: base doubled per round, capped.</summary>
    public TimeSpan RoundTimeout(int round)
    {
        var factor = Math.Pow(2, Math.Min(round, 40));
        var ticks = BaseRoundTimeout.Ticks * factor;
        return ticks >= MaxRoundTimeout.Ticks ? MaxRoundTimeout : TimeSpan.FromTicks((long)ticks);
    }
}
