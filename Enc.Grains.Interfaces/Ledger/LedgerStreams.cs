namespace Enc.Grains.Interfaces.Ledger;

/// <summary>Names of the Orleans stream that carries signed receipt batches to the ledger.</summary>
public static class LedgerStreams
{
    /// <summary>Stream namespace; the ledger grain subscribes implicitly to every stream in it.</summary>
    public const string Namespace = "enc.receipts";

    /// <summary>Stream key; equals the ledger grain's key, so all batches reach the one ledger.</summary>
    public const string Key = ILedgerGrain.DefaultKey;
}
