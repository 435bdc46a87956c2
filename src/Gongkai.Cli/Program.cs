using Gongkai.Cli;

return await CliApp.RunAsync(args, Console.Out, Console.Error);
