namespace Enc.Ledger.Service;

/// <summary>Collects audit failures from parallel workers and keeps the one at the lowest position.</summary>
internal sealed class AuditFindings
{
    private readonly Lock _lock = new();

    public (long Position, string Failure, string Detail)? First { get; private set; }

    public void Add(long position, string failure, string detail)
    {
        lock (_lock)
        {
            if (First is null || position < First.Value.Position)
            {
                First = (position, failure, detail);
            }
        }
    }
}
