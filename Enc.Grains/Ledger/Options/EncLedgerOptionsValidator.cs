using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Enc.Grains.Ledger.Options;

/// <summary>Checks <see cref="EncLedgerOptions"/> when the silo starts; messages name the setting.</summary>
public sealed class EncLedgerOptionsValidator(IOptions<EncLedgerOptions> options) : IConfigurationValidator
{
    /// <inheritdoc />
    public void ValidateConfiguration()
    {
        var o = options.Value;
        Require(!string.IsNullOrWhiteSpace(o.DataDirectory), nameof(o.DataDirectory), "must not be empty");
        Require(o.CheckpointInterval > TimeSpan.Zero, nameof(o.CheckpointInterval), "must be positive");
        Require(o.CheckpointEveryEntries > 0, nameof(o.CheckpointEveryEntries), "must be positive");
        Require(o.RetryInterval > TimeSpan.Zero, nameof(o.RetryInterval), "must be positive");
        Require(o.MaxBatchSize is > 0 and <= 10_000, nameof(o.MaxBatchSize), "must be between 1 and 10000");
    }

    private static void Require(bool condition, string name, string problem)
    {
        if (!condition)
        {
            throw new OrleansConfigurationException($"{EncLedgerOptions.SectionName}:{name} {problem}.");
        }
    }
}
