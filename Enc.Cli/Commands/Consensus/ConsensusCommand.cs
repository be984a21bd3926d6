using System.CommandLine;

namespace Enc.Cli.Commands.Consensus;

/// <summary><c>enc consensus</c>: the consensus command group.</summary>
public static class ConsensusCommand
{
    /// <summary>Builds the group with its verbs.</summary>
    public static Command Build() => new("consensus", "Inspect QBFT consensus: status and committed blocks.")
    {
        ConsensusStatusCommand.Build(),
        ConsensusBlockCommand.Build(),
    };
}
