namespace Enc.Grains.Interfaces.Hosting;

/// <summary>
/// Names of the Orleans providers every ENC silo registers, shared by grains, the silo host and clients.
/// </summary>
/// <remarks>Kept in one place so grains, hosting and tests never disagree about a provider name.</remarks>
public static class EncProviderNames
{
    /// <summary>The grain storage provider that holds all ENC grain state.</summary>
    public const string GrainStorage = "enc";

    /// <summary>The stream provider ENC components publish to (receipts, events).</summary>
    public const string Streams = "enc";

    /// <summary>The storage Orleans streaming uses for its pub/sub rendezvous state.</summary>
    public const string PubSubStore = "PubSubStore";

    /// <summary>The default cluster id used when none is configured.</summary>
    public const string DefaultClusterId = "enc";

    /// <summary>The default service id used when none is configured.</summary>
    public const string DefaultServiceId = "enc";

    /// <summary>The ADO.NET invariant name of the PostgreSQL provider (Npgsql).</summary>
    public const string PostgresInvariant = "Npgsql";
}
