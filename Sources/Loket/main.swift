import Foundation

// The composition root of the `loket` executable: one case per subcommand, each implemented in
// its own `<Name>Command.swift` beside this file.
let arguments = Array(CommandLine.arguments.dropFirst())

func printUsage() {
    print(
        """
        usage: loket <command> [options]
        commands:
          serve                    run the service (the default); configured by the environment
          help                     show this text
        """)
}

switch arguments.first {
case nil, "serve":
    ServeCommand.run()
case "help", "--help", "-h":
    printUsage()
default:
    printUsage()
    exit(64)
}
