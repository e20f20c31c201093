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
        """)
}

switch arguments.first {
case "help", "--help", "-h":
    printUsage()
default:
    printUsage()
    exit(64)
}
