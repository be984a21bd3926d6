using Enc.Grains.Interfaces.Workloads.Loading;

namespace Enc.Grains.Interfaces.Workloads;

/// <summary>
/// Loads workload specs from YAML or JSON (see docs/workloads.md for the format). Reading and validation
/// errors are collected together, each naming its field; a document with any error yields no spec.
/// </summary>
public static class WorkloadSpecLoader
{
    private static readonly WorkloadSpecValidator Validator = new();

    /// <summary>Loads every document in <paramref name="text"/> (YAML with <c>---</c> separators, or a JSON object or array).</summary>
    public static IReadOnlyList<WorkloadSpecLoadResult> ParseAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        IReadOnlyList<SpecNode> documents;
        try
        {
            documents = SpecNodeParser.Parse(text);
        }
        catch (WorkloadSpecSyntaxException e)
        {
            return [new WorkloadSpecLoadResult { Errors = [new WorkloadSpecError { Field = "(document)", Message = e.Message }] }];
        }

        if (documents.Count == 0)
        {
            return [new WorkloadSpecLoadResult { Errors = [new WorkloadSpecError { Field = "(document)", Message = "is empty" }] }];
        }

        return documents.Select(Read).ToList();
    }

    /// <summary>Loads exactly one workload document.</summary>
    public static WorkloadSpecLoadResult Parse(string text)
    {
        var all = ParseAll(text);
        return all.Count == 1
            ? all[0]
            : new WorkloadSpecLoadResult { Errors = [new WorkloadSpecError { Field = "(document)", Message = $"holds {all.Count} workloads; expected one" }] };
    }

    /// <summary>Loads exactly one workload and throws <see cref="WorkloadSpecException"/> listing every error when invalid.</summary>
    public static WorkloadSpec ParseOrThrow(string text)
    {
        var result = Parse(text);
        return result.IsValid ? result.Spec! : throw new WorkloadSpecException(result.Errors);
    }

    /// <summary>Reads a file and loads every document in it.</summary>
    public static async Task<IReadOnlyList<WorkloadSpecLoadResult>> LoadFileAsync(string path, CancellationToken cancellationToken = default) =>
        ParseAll(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));

    private static WorkloadSpecLoadResult Read(SpecNode document)
    {
        var reader = new WorkloadSpecReader();
        var spec = reader.Read(document);

        // A field that failed to read already has its error; the validator's complaint about the
        // placeholder value would only repeat it.
        var errors = reader.Errors.Concat(Validator.Validate(spec).Where(e => !reader.HasErrorAt(e.Field))).ToList();
        return errors.Count == 0 ? new WorkloadSpecLoadResult { Spec = spec } : new WorkloadSpecLoadResult { Errors = errors };
    }
}
