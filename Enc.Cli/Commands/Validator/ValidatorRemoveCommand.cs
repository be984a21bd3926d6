using System.CommandLine;

namespace Enc.Cli.Commands.Validator;

/// <summary><c>enc validator remove NODE</c>.</summary>
public static class ValidatorRemoveCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var node = ValidatorCommand.NodeArgument();
        var command = new Command("remove", "Remove a validator.") { node };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, (client, output, token) =>
            ValidatorCommand.SubmitAsync(parse, output, () => client.Consensus.RemoveValidatorAsync(parse.GetValue(node)!, token)), ct));
        return command;
    }
}
