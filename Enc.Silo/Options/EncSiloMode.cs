namespace Enc.Silo.Options;

/// <summary>How a silo runs.</summary>
public enum EncSiloMode
{
    /// <summary>Reserved sentinel: not a valid mode.</summary>
    Invalid = 0,

    /// <summary>One process, localhost clustering, in-memory storage, streams and reminders.</summary>
    Development = 1,

    /// <summary>ADO.NET clustering, grain storage and reminders on PostgreSQL.</summary>
    Production = 2,
}
