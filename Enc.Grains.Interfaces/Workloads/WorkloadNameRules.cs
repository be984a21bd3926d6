using System.Text.RegularExpressions;

namespace Enc.Grains.Interfaces.Workloads;

/// <summary>Syntax rules for names, label keys and values, image references and environment variable names.</summary>
public static partial class WorkloadNameRules
{
    /// <summary>Longest DNS label (workload names, namespaces).</summary>
    public const int MaxDnsLabelLength = 63;

    /// <summary>True for a DNS-1123 label: lowercase letters, digits and '-', starting and ending alphanumeric.</summary>
    public static bool IsDnsLabel(string? value) =>
        value is { Length: > 0 and <= MaxDnsLabelLength } && DnsLabel().IsMatch(value);

    /// <summary>True for a label key: an optional DNS-subdomain prefix and '/', then a name of up to 63 characters.</summary>
    public static bool IsLabelKey(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var slash = value.LastIndexOf('/');
        var name = slash < 0 ? value : value[(slash + 1)..];
        if (slash >= 0)
        {
            var prefix = value[..slash];
            if (prefix.Length is 0 or > 253 || !DnsSubdomain().IsMatch(prefix))
            {
                return false;
            }
        }

        return name.Length is > 0 and <= 63 && LabelName().IsMatch(name);
    }

    /// <summary>True for a label value: empty, or up to 63 characters of letters, digits, '-', '_' and '.', alphanumeric at both ends.</summary>
    public static bool IsLabelValue(string? value) =>
        value is not null && (value.Length == 0 || (value.Length <= 63 && LabelName().IsMatch(value)));

    /// <summary>True for a port name: lowercase letters, digits and '-', at most 15 characters, starting with a letter.</summary>
    public static bool IsPortName(string? value) => value is { Length: > 0 and <= 15 } && PortName().IsMatch(value);

    /// <summary>True for an environment variable name (letters, digits, '_', not starting with a digit).</summary>
    public static bool IsEnvName(string? value) => value is { Length: > 0 } && EnvName().IsMatch(value);

    /// <summary>
    /// True for a Docker image reference <c>[registry[:port]/]path[:tag]</c> or <c>[registry/]path@sha256:&lt;64 hex&gt;</c>.
    /// </summary>
    public static bool IsImageReference(string? value) =>
        value is { Length: > 0 and <= 512 } && (ImageWithTag().IsMatch(value) || ImageWithDigest().IsMatch(value));

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex LabelName();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex PortName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvName();

    // Repository path components are lowercase with single separators (., _, __, -); an optional
    // registry host[:port] comes first; a tag is up to 128 word characters.
    [GeneratedRegex("^([a-zA-Z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*(/[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$")]
    private static partial Regex ImageWithTag();

    [GeneratedRegex("^([a-zA-Z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*(/[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*)*@sha256:[a-f0-9]{64}$")]
    private static partial Regex ImageWithDigest();
}
