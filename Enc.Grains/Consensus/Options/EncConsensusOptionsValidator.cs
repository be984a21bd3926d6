using Microsoft.Extensions.Options;

namespace Enc.Grains.Consensus.Options;

/// <summary>Validates <see cref="EncConsensusOptions"/> at silo start; messages name the setting.</summary>
internal sealed class EncConsensusOptionsValidator(IOptions<EncConsensusOptions> options) : IConfigurationValidator
{
    /// <inheritdoc />
    public void ValidateConfiguration()
    {
        var o = options.Value;
        Require(o.GenesisValidators >= 1, nameof(o.GenesisValidators), "must be at least 1");
        Require(o.BaseRoundTimeout > TimeSpan.Zero, nameof(o.BaseRoundTimeout), "must be positive");
        Require(o.MaxRoundTimeout >= o.BaseRoundTimeout, nameof(o.MaxRoundTimeout), $"must be >= {nameof(o.BaseRoundTimeout)}");
        Require(o.BlockInterval >= TimeSpan.Zero, nameof(o.BlockInterval), "must not be negative");
        Require(o.MaxDecisionsPerBlock is >= 1 and <= Enc.Consensus.Blocks.ConsensusBlock.MaxDecisions, nameof(o.MaxDecisionsPerBlock), $"must be in 1..{Enc.Consensus.Blocks.ConsensusBlock.MaxDecisions}");
        Require(o.StartInterval > TimeSpan.Zero, nameof(o.StartInterval), "must be positive");
    }

    private static void Require(bool condition, string setting, string rule)
    {
        if (!condition)
        {
            throw new OrleansConfigurationException($"{EncConsensusOptions.SectionName}:{setting} {rule}.");
        }
    }
}
