using Enc.Grains.Ledger.Options;
using Enc.Ledger.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Enc.Grains.Ledger;

/// <summary>
/// Silo singleton giving the ledger grain its store: PostgreSQL (schema migrated once per process through
/// <see cref="LedgerSchema"/>) when <see cref="EncLedgerOptions.ConnectionString"/> is set, otherwise one
/// in-memory store for the silo's lifetime (development mode), so a re-activated ledger grain finds its log.
/// </summary>
public sealed class LedgerStoreProvider(IOptions<EncLedgerOptions> options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private ILedgerStore? _store;
    private NpgsqlDataSource? _dataSource;

    /// <summary>True when the ledger is kept in PostgreSQL.</summary>
    public bool IsDurable => options.Value.ConnectionString.Length > 0;

    /// <summary>The store, created (and its schema migrated) on first use.</summary>
    public async Task<ILedgerStore> GetStoreAsync(CancellationToken cancellationToken = default)
    {
        if (_store is { } store)
        {
            return store;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_store is null)
            {
                if (IsDurable)
                {
                    _dataSource = NpgsqlDataSource.Create(options.Value.ConnectionString);
                    await LedgerSchema.MigrateAsync(_dataSource, cancellationToken);
                    _store = new PostgresLedgerStore(_dataSource);
                }
                else
                {
                    _store = new InMemoryLedgerStore();
                }
            }

            return _store;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        _lock.Dispose();
    }
}
