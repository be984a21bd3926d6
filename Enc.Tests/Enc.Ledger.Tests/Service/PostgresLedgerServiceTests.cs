using Enc.Ledger.Storage;
using Enc.Ledger.Tests.Infrastructure;

namespace Enc.Ledger.Tests.Service;

/// <summary>The ledger contract on PostgreSQL (a database for this class, a schema per test).</summary>
public sealed class PostgresLedgerServiceTests(PostgresDatabase database) : LedgerServiceContractTests, IClassFixture<PostgresDatabase>
{
    private protected override async Task<ILedgerStore> CreateStoreAsync() => new PostgresLedgerStore(await database.CreateLedgerSchemaAsync());
}
