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
          dialogs check [dir]      validate the dialog files offline
          \(ClassifyCommand.usage)
          \(BackupCommand.usage)
          \(ReportCommand.usage)
        """)
}

switch arguments.first {
case "help", "--help", "-h":
    printUsage()
case "dialogs":
    exit(DialogsCommand.run(Array(arguments.dropFirst())))
case "classify":
    exit(ClassifyCommand(arguments: Array(arguments.dropFirst())).run())
case "backup":
    exit(BackupCommand.run(Array(arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
case "report":
    exit(ReportCommand.run(Array(arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
default:
    printUsage()
    exit(64)
}
