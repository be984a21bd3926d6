using System.CommandLine;

namespace Enc.Cli.Commands.Ledger;

/// <summary><c>enc ledger</c>: the receipt ledger command group.</summary>
public static class LedgerCommand
{
    /// <summary>Builds the group with its verbs.</summary>
    public static Command Build() => new("ledger", "Inspect and verify the receipt ledger.")
    {
        LedgerHeadCommand.Build(),
        LedgerVerifyCommand.Build(),
        LedgerProofCommand.Build(),
    };
}
