namespace Enc.Client;

/// <summary>Retries the initial connection with a short pause until a deadline, then gives up.</summary>
internal sealed class ConnectionRetryUntilDeadline(TimeSpan timeout) : IClientConnectionRetryFilter
{
    private readonly DateTime _deadline = DateTime.UtcNow + timeout;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (DateTime.UtcNow >= _deadline || cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        return true;
    }
}
