using System.Text.Json;
using System.Text.Json.Serialization;

namespace Enc.Cli.Output;

/// <summary>Writes a command's result as a table or as JSON, per <c>-o</c>.</summary>
public sealed class CommandOutput(TextWriter writer, OutputFormat format)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The selected format.</summary>
    public OutputFormat Format { get; } = format;

    /// <summary>The destination.</summary>
    public TextWriter Writer { get; } = writer;

    /// <summary>Serializes <paramref name="value"/> as JSON.</summary>
    public void WriteJson<T>(T value) => Writer.WriteLine(JsonSerializer.Serialize(value, Json));

    /// <summary>Writes rows as aligned columns under <paramref name="headers"/>.</summary>
    public void WriteTable(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => r[i].Length))).ToArray();
        WriteRow(headers, widths);
        foreach (var row in all)
        {
            WriteRow(row, widths);
        }
    }

    /// <summary>Writes <c>key: value</c> lines with aligned values.</summary>
    public void WriteFields(IEnumerable<(string Key, string Value)> fields)
    {
        var list = fields.ToList();
        var width = list.Max(f => f.Key.Length) + 1;
        foreach (var (key, value) in list)
        {
            Writer.WriteLine($"{(key + ":").PadRight(width)} {value}");
        }
    }

    private void WriteRow(IReadOnlyList<string> cells, int[] widths) =>
        Writer.WriteLine(string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd());
}
