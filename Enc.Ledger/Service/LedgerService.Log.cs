using Microsoft.Extensions.Logging;

namespace Enc.Ledger.Service;

/// <summary>Log messages of the ledger service.</summary>
public sealed partial class LedgerService
{
    [LoggerMessage(1, LogLevel.Warning, "Ledger rejected a batch: {Reason}: {Detail}")]
    private partial void LogBatchRejected(string reason, string detail);

    [LoggerMessage(2, LogLevel.Warning, "Ledger refused to register a key for node {NodeId}: bad proof of possession")]
    private partial void LogRegistrationRefused(string nodeId);

    [LoggerMessage(3, LogLevel.Information, "Ledger append conflicted, reloading: {Message}")]
    private partial void LogAppendConflict(string message);

    [LoggerMessage(4, LogLevel.Debug, "Ledger signed a checkpoint at size {Size}")]
    private partial void LogCheckpoint(long size);
}
