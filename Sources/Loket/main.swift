import Foundation

// The composition root of the `loket` executable: one case per subcommand, each implemented in
// its own `<Name>Command.swift` beside this file.
let arguments = Array(CommandLine.arguments.dropFirst())

func printUsage() {
    print(
        """
        usage: loket <command> [options]
        commands:
          help                     show this text
          \(ClassifyCommand.usage)
        """)
}

switch arguments.first {
case "help", "--help", "-h":
    printUsage()
case "classify":
    exit(ClassifyCommand(arguments: Array(arguments.dropFirst())).run())
default:
    printUsage()
    exit(64)
}
