namespace Enc.Grains.Consensus.Options;

/// <summary>
/// Options of the node's consensus validator, bound from configuration section <see cref="SectionName"/>
/// (environment variables <c>ENC_CONSENSUS__*</c>).
/// </summary>
public sealed class EncConsensusOptions
{
    /// <summary>Configuration section the options bind from.</summary>
    public const string SectionName = "Enc:Consensus";

    /// <summary>Whether this silo runs its node's validator.</summary>
    /// <value>Defaults to true.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How many nodes with a registered key and weight &gt; 0 the genesis validator set waits for.
    /// The first registrations up to this count (all registered at that moment) form the set of
    /// heights 1 and 2; later nodes join through <c>enc validator add</c>.
    /// </summary>
    /// <value>Defaults to 1 (a single node decides alone until validators are added).</value>
    public int GenesisValidators { get; set; } = 1;

    /// <summary>Timeout of round 0 (doubling per round).</summary>
    /// <value>Defaults to 2 seconds.</value>
    public TimeSpan BaseRoundTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Upper bound of the round timeout.</summary>
    /// <value>Defaults to 60 seconds.</value>
    public TimeSpan MaxRoundTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a proposer waits after a height starts with work pending, to batch more decisions.</summary>
    /// <value>Defaults to 5 milliseconds.</value>
    public TimeSpan BlockInterval { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Most decisions per block.</summary>
    /// <value>Defaults to 10,000.</value>
    public int MaxDecisionsPerBlock { get; set; } = 10_000;

    /// <summary>How often the silo makes sure its validator runs (and retries registration before genesis).</summary>
    /// <value>Defaults to 2 seconds.</value>
    public TimeSpan StartInterval { get; set; } = TimeSpan.FromSeconds(2);
}
