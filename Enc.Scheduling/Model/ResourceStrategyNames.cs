namespace Enc.Scheduling.Model;

/// <summary>Resource strategies of the <c>ResourceBased</c> algorithm.</summary>
public static class ResourceStrategyNames
{
    /// <summary>Prefer the most allocated feasible node (fewer, fuller nodes). The default.</summary>
    public const string Binpack = "binpack";

    /// <summary>Prefer the least allocated feasible node.</summary>
    public const string Spread = "spread";
}
