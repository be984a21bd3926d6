using Microsoft.Extensions.Logging;

namespace Enc.Grains.Receipts;

/// <summary>Log messages of <see cref="ReceiptEmitter"/>.</summary>
public sealed partial class ReceiptEmitter
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger rejected a receipt batch of {Grain}: {Reason}: {Detail}")]
    private partial void LogBatchRejected(GrainId grain, string? reason, string? detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "The ledger refused the signing key of node {Node}: {Reason}")]
    private partial void LogRegistrationRefused(string node, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Count} receipt(s) of {Grain} failed; they stay in its outbox and are retried")]
    private partial void LogPublishFailed(Exception exception, GrainId grain, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Settling receipts of {Grain} met a newer stored state (another activation wrote meanwhile); applying the settlement to the stored state")]
    private partial void LogSettlementConflict(Exception exception, GrainId grain);

    [LoggerMessage(Level = LogLevel.Debug, Message = "This silo is not an active cluster member: {Count} receipt(s) of {Grain} wait in its outbox")]
    private partial void LogPublishDeferred(GrainId grain, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove the receipt reminder of {Grain}")]
    private partial void LogReminderCleanupFailed(Exception exception, GrainId grain);
}
