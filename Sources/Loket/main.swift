import Foundation

// The composition root of the `loket` executable: one case per subcommand, each implemented in
// its own `<Name>Command.swift` beside this file.
let arguments = Array(CommandLine.arguments.dropFirst())

func printUsage() {
    print(
        """
        usage: loket <command> [options]
        commands:
          serve [--demo]           run the service (the default); configured by the environment; --demo seeds a
                                   month of demonstration data into an empty sandbox
          dialogs check [dir]      validate the dialog files offline
          \(ClassifyCommand.usage)
          \(BackupCommand.usage)
          \(BackupCommand.restoreUsage)
          \(ReportCommand.usage)
          \(StaffAccountsCommand.usage)
          help                     show this text
        """)
}

switch arguments.first {
case nil, "serve":
    ServeCommand.run(Array(arguments.dropFirst()))
case "dialogs":
    exit(DialogsCommand.run(Array(arguments.dropFirst())))
case "classify":
    exit(ClassifyCommand(arguments: Array(arguments.dropFirst())).run())
case "backup":
    exit(BackupCommand.run(Array(arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
case "restore":
    exit(BackupCommand.restore(Array(arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
case "staff":
    exit(StaffAccountsCommand.run(Array(arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
case "report":
    exit(ReportCommand.run(Array(arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
case "help", "--help", "-h":
    printUsage()
default:
    printUsage()
    exit(64)
}
