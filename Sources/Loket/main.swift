import LoketService

// The composition root: `loket [serve]` and the offline subcommands.
let arguments = Array(CommandLine.arguments.dropFirst())
print("loket: \(arguments)")
