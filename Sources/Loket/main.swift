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
          \(BackupCommand.usage)
          \(ReportCommand.usage)
        """)
}

switch arguments.first {
case "help", "--help", "-h":
    printUsage()
case "backup":
    exit(BackupCommand.run(Array(arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
case "report":
    exit(ReportCommand.run(Array(arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
default:
    printUsage()
    exit(64)
}
