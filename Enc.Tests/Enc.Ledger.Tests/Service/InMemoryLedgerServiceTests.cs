using Enc.Ledger.Storage;

namespace Enc.Ledger.Tests.Service;

/// <summary>The ledger contract on the dev-mode in-memory store.</summary>
public sealed class InMemoryLedgerServiceTests : LedgerServiceContractTests
{
    private protected override Task<ILedgerStore> CreateStoreAsync() => Task.FromResult<ILedgerStore>(new InMemoryLedgerStore());
}
