using System.CommandLine;
using Enc.Cli.Output;
using Enc.Grains.Interfaces.Consensus;

namespace Enc.Cli.Commands.Validator;

/// <summary><c>enc validator</c>: validator-set changes, each committed through consensus.</summary>
public static class ValidatorCommand
{
    /// <summary>Builds the group with its verbs.</summary>
    public static Command Build() => new("validator", "Change the validator set (decided through consensus, effective two heights after commit).")
    {
        ValidatorAddCommand.Build(),
        ValidatorRemoveCommand.Build(),
        ValidatorWeightCommand.Build(),
    };

    /// <summary>The NODE argument.</summary>
    internal static Argument<string> NodeArgument() => new("NODE") { Description = "Node name (its silo registered the node's consensus key)." };

    /// <summary>Runs a change request and prints the submission.</summary>
    internal static async Task<int> SubmitAsync(ParseResult parse, CommandOutput output, Func<Task<ValidatorChangeSubmission>> submit)
    {
        ValidatorChangeSubmission submission;
        try
        {
            submission = await submit();
        }
        catch (InvalidOperationException e)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"enc: {e.Message}");
            return GlobalOptions.ExitNotFound;
        }

        if (output.Format == OutputFormat.Json)
        {
            output.WriteJson(submission);
            return 0;
        }

        var r = submission.Request;
        var what = r.Kind switch
        {
            ValidatorChangeKind.Add => $"add {r.NodeName} with weight {r.Weight}",
            ValidatorChangeKind.Remove => $"remove {r.NodeName}",
            _ => $"set the weight of {r.NodeName} to {r.Weight}",
        };
        output.Writer.WriteLine($"submitted: {what} (decision {submission.DecisionHash}, key {submission.PublicKey})");
        output.Writer.WriteLine($"it takes effect two heights after the block that commits it (consensus was at height {submission.SubmittedAtHeight}); see enc consensus status");
        return 0;
    }
}
