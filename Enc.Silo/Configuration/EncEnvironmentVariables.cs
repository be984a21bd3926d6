using System.Collections;

namespace Enc.Silo.Configuration;

/// <summary>
/// Maps environment variables <c>ENC_X</c> to configuration keys <c>Enc:X</c> (<c>__</c> separates
/// sections, as in <c>ENC_NODES__HEARTBEATINTERVAL</c> → <c>Enc:Nodes:HeartbeatInterval</c>).
/// </summary>
public static class EncEnvironmentVariables
{
    /// <summary>The environment variable prefix.</summary>
    public const string Prefix = "ENC_";

    /// <summary>Reads the mapped keys from <paramref name="variables"/> (defaults to the process environment).</summary>
    public static IReadOnlyDictionary<string, string?> Read(IDictionary? variables = null)
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in variables ?? Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && name.Length > Prefix.Length)
            {
                var key = "Enc:" + name[Prefix.Length..].Replace("__", ":", StringComparison.Ordinal);
                result[key] = entry.Value as string;
            }
        }

        return result;
    }
}
