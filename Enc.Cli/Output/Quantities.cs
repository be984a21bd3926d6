using System.Globalization;

namespace Enc.Cli.Output;

/// <summary>Formats resource quantities the way Kubernetes users read them.</summary>
public static class Quantities
{
    /// <summary>CPU millicores as <c>2</c> or <c>250m</c>.</summary>
    public static string Cpu(long millicores) =>
        millicores % 1000 == 0 ? (millicores / 1000).ToString(CultureInfo.InvariantCulture) : $"{millicores}m";

    /// <summary>Bytes in binary units (<c>Ki</c>, <c>Mi</c>, <c>Gi</c>, <c>Ti</c>), one decimal.</summary>
    public static string Bytes(long bytes)
    {
        string[] units = ["", "Ki", "Mi", "Gi", "Ti", "Pi"];
        double value = bytes;
        var unit = 0;
        while (Math.Abs(value) >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? bytes.ToString(CultureInfo.InvariantCulture) : value.ToString("0.#", CultureInfo.InvariantCulture) + units[unit];
    }

    /// <summary>Bits per second as <c>1Gbps</c>, <c>100Mbps</c>, or <c>-</c> when unknown.</summary>
    public static string Bandwidth(long bitsPerSecond) => bitsPerSecond switch
    {
        <= 0 => "-",
        >= 1_000_000_000 => (bitsPerSecond / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + "Gbps",
        >= 1_000_000 => (bitsPerSecond / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "Mbps",
        _ => bitsPerSecond.ToString(CultureInfo.InvariantCulture) + "bps",
    };

    /// <summary>Age like <c>5s</c>, <c>3m</c>, <c>2h</c>, <c>4d</c>.</summary>
    public static string Age(TimeSpan age) => age switch
    {
        { TotalSeconds: < 60 } => $"{Math.Max(0, (int)age.TotalSeconds)}s",
        { TotalMinutes: < 60 } => $"{(int)age.TotalMinutes}m",
        { TotalHours: < 48 } => $"{(int)age.TotalHours}h",
        _ => $"{(int)age.TotalDays}d",
    };
}
