using System.CommandLine;

namespace Enc.Cli.Commands.Validator;

/// <summary><c>enc validator add NODE [--weight N]</c>.</summary>
public static class ValidatorAddCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var node = ValidatorCommand.NodeArgument();
        var weight = new Option<long>("--weight") { Description = "Voting weight (default: the node's configured consensus weight)." };
        var command = new Command("add", "Add a node (with its registered key and proof of possession) as a validator.") { node, weight };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, (client, output, token) =>
            ValidatorCommand.SubmitAsync(parse, output, () => client.Consensus.AddValidatorAsync(parse.GetValue(node)!, parse.GetValue(weight), token)), ct));
        return command;
    }
}
