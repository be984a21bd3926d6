using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Enc.Silo.Database;

/// <summary>One versioned schema script: <c>NNNN_name.sql</c>, embedded as <c>enc-schema/NNNN_name.sql</c>.</summary>
/// <param name="Version">The version (the numeric prefix); scripts apply in ascending order.</param>
/// <param name="Name">The file name.</param>
/// <param name="Sql">The script text.</param>
public sealed partial record SchemaScript(int Version, string Name, string Sql)
{
    /// <summary>Prefix of the embedded resource names holding schema scripts.</summary>
    public const string ResourcePrefix = "enc-schema/";

    /// <summary>SHA-256 of the script text (hex), recorded when applied to detect later edits.</summary>
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));

    /// <summary>
    /// Loads every script embedded in <paramref name="assemblies"/>, ordered by version. Fails on a
    /// malformed name or a version used twice.
    /// </summary>
    public static IReadOnlyList<SchemaScript> LoadEmbedded(params Assembly[] assemblies)
    {
        var scripts = new List<SchemaScript>();
        foreach (var assembly in assemblies)
        {
            foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
            {
                var name = resource[ResourcePrefix.Length..];
                var match = FileName().Match(name);
                if (!match.Success)
                {
                    throw new InvalidOperationException($"Schema script '{name}' must be named NNNN_name.sql.");
                }

                using var stream = assembly.GetManifestResourceStream(resource)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                scripts.Add(new SchemaScript(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), name, reader.ReadToEnd()));
            }
        }

        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Schema version {duplicate.Key} is used by {string.Join(", ", duplicate.Select(s => s.Name))}.");
        }

        return scripts.OrderBy(s => s.Version).ToArray();
    }

    [GeneratedRegex(@"^(\d{4})_[a-z0-9_]+\.sql$")]
    private static partial Regex FileName();
}
