using System.CommandLine;

namespace Enc.Cli.Commands.Validator;

/// <summary><c>enc validator weight NODE WEIGHT</c>.</summary>
public static class ValidatorWeightCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var node = ValidatorCommand.NodeArgument();
        var weight = new Argument<long>("WEIGHT") { Description = "New voting weight (> 0)." };
        var command = new Command("weight", "Change a validator's weight.") { node, weight };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, (client, output, token) =>
            ValidatorCommand.SubmitAsync(parse, output, () => client.Consensus.SetValidatorWeightAsync(parse.GetValue(node)!, parse.GetValue(weight), token)), ct));
        return command;
    }
}
