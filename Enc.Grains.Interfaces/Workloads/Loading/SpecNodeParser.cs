using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Enc.Grains.Interfaces.Workloads.Loading;

/// <summary>Turns YAML or JSON text into <see cref="SpecNode"/> documents.</summary>
internal static class SpecNodeParser
{
    /// <summary>Parses every document; JSON when the text starts with '{' or '[', YAML otherwise.</summary>
    public static IReadOnlyList<SpecNode> Parse(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith('{') || trimmed.StartsWith('[') ? ParseJson(text) : ParseYaml(text);
    }

    /// <summary>Parses JSON: one object, or an array of objects (one per workload).</summary>
    public static IReadOnlyList<SpecNode> ParseJson(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = FromJson(doc.RootElement);
            return root is SpecList list ? list.Items : [root];
        }
        catch (JsonException e)
        {
            throw new WorkloadSpecSyntaxException($"invalid JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}", e);
        }
    }

    /// <summary>Parses YAML; several documents separated by <c>---</c> give several nodes.</summary>
    public static IReadOnlyList<SpecNode> ParseYaml(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new WorkloadSpecSyntaxException($"invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}", e);
        }

        return stream.Documents.Select(d => FromYaml(d.RootNode)).ToList();
    }

    private static SpecNode FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => new SpecMap(e.EnumerateObject().Select(p => new KeyValuePair<string, SpecNode>(p.Name, FromJson(p.Value))).ToList()),
        JsonValueKind.Array => new SpecList(e.EnumerateArray().Select(FromJson).ToList()),
        JsonValueKind.String => new SpecScalar(e.GetString()),
        JsonValueKind.Number => new SpecScalar(e.GetRawText()),
        JsonValueKind.True => new SpecScalar("true"),
        JsonValueKind.False => new SpecScalar("false"),
        _ => new SpecScalar(null),
    };

    private static SpecNode FromYaml(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                return new SpecMap(map.Children.Select(kv => new KeyValuePair<string, SpecNode>(
                    kv.Key is YamlScalarNode k ? k.Value ?? "" : kv.Key.ToString(), FromYaml(kv.Value))).ToList());
            case YamlSequenceNode seq:
                return new SpecList(seq.Children.Select(FromYaml).ToList());
            case YamlScalarNode scalar:
                var plain = scalar.Style == ScalarStyle.Plain;
                var v = scalar.Value;
                return new SpecScalar(plain && (v is null or "~" or "null" or "Null" or "NULL" || v.Length == 0) ? null : v);
            default:
                return new SpecScalar(null);
        }
    }

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (i > 0 ? message[..i] : message).ToString(CultureInfo.InvariantCulture);
    }
}
