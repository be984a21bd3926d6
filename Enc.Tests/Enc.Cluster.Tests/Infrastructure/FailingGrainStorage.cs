using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Enc.Cluster.Tests.Infrastructure;

/// <summary>
/// Wraps a silo's real grain storage provider (PostgreSQL in the tests that use it): clears go through, writes
/// (and reads) fail while <see cref="StorageFailures"/> says so. A failed write never reaches the database,
/// as when the database does not answer; the grain's ETag stays as it was, so a later write succeeds.
/// </summary>
public sealed class FailingGrainStorage(IGrainStorage inner, StorageFailures failures) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>
    /// Replaces the provider <paramref name="providerName"/> registered on <paramref name="silo"/> (call after the
    /// provider was added) with this wrapper around it.
    /// </summary>
    public static void Install(ISiloBuilder silo, string providerName, StorageFailures failures)
    {
        var original = silo.Services.Last(d => d.IsKeyedService && d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, providerName));
        var create = original.KeyedImplementationFactory ?? throw new InvalidOperationException($"grain storage '{providerName}' is not registered by a factory");
        silo.Services.Remove(original);
        silo.Services.AddKeyedSingleton<IGrainStorage>(providerName, (sp, key) => new FailingGrainStorage((IGrainStorage)create(sp, key), failures));
    }

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        failures.ThrowIfReadArmed(stateName, grainId);
        return inner.ReadStateAsync(stateName, grainId, grainState);
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        failures.ThrowIfArmed(stateName, grainId);
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
