namespace Enc.Ledger.Tests.Infrastructure;

/// <summary>What <see cref="FaultInjectingLedgerStore"/> does to a held append.</summary>
internal enum AppendFault
{
    /// <summary>Nothing: the append goes through.</summary>
    None,

    /// <summary>Throws without writing.</summary>
    FailBeforeCommit,

    /// <summary>Writes, then throws (the caller cannot tell that it committed).</summary>
    FailAfterCommit,
}
