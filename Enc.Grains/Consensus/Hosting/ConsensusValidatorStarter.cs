using Enc.Grains.Consensus.Options;
using Enc.Grains.Interfaces.Consensus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enc.Grains.Consensus.Hosting;

/// <summary>
/// Keeps the local node's validator running: once the silo is active it calls
/// <see cref="IValidatorGrain.StartAsync"/> every <see cref="EncConsensusOptions.StartInterval"/>,
/// which registers the key, waits for the genesis set, and (re)starts the engine after a deactivation.
/// </summary>
public sealed partial class ConsensusValidatorStarter(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IOptions<EncConsensusOptions> options,
    ILogger<ConsensusValidatorStarter> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ConsensusValidatorStarter), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.StartInterval);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await grains.GetGrain<IValidatorGrain>(silo.Name).StartAsync().WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogStartFailed(silo.Name, e.Message);
            }

            try
            {
                await timer.WaitForNextTickAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Starting the validator of node {Node} failed: {Reason}")]
    private partial void LogStartFailed(string node, string reason);
}
