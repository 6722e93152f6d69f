import ArgumentParser
import Foundation
import ParleyAccess

/// `parley compartment`: need-to-know groups whose engagements only their members see on the web desk
/// and the API.
struct CompartmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compartment", abstract: "Create compartments and say who is in them.",
        subcommands: [
            CreateCompartmentCommand.self, AddMemberCommand.self, RemoveMemberCommand.self,
            ListCompartmentsCommand.self,
        ])
}

/// `parley compartment create ID --title TEXT`.
struct CreateCompartmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create compartment ID, with nobody in it.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The compartment's id (lower-case letters, digits, '-', '_', '.').")
    var id: String

    @Option(help: "What it is for, in a few words.")
    var title: String

    func run() async throws {
        try await store.withAccounts {
            try await $0.createCompartment(id, title: title, actor: ProcessInfo.processInfo.userName)
        }
        print("compartment \(id) created; add people with `parley compartment add \(id) NAME`")
    }
}

/// The compartment and the person a membership change is about.
struct MembershipArguments: ParsableArguments {
    @Argument(help: "The compartment's id.")
    var id: String

    @Argument(help: "The person's name.")
    var name: String
}

/// `parley compartment add ID NAME`.
struct AddMemberCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Make NAME a member of compartment ID.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var membership: MembershipArguments

    func run() async throws {
        try await store.withAccounts {
            try await $0.addMember(
                membership.name, to: membership.id, actor: ProcessInfo.processInfo.userName)
        }
        print("\(membership.name) is a member of \(membership.id)")
    }
}

/// `parley compartment remove ID NAME`.
struct RemoveMemberCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Take NAME out of compartment ID.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var membership: MembershipArguments

    func run() async throws {
        try await store.withAccounts {
            try await $0.removeMember(
                membership.name, from: membership.id, actor: ProcessInfo.processInfo.userName)
        }
        print("\(membership.name) is not a member of \(membership.id)")
    }
}

/// `parley compartment list`.
struct ListCompartmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Every compartment and its members.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let compartments = try await store.withAccounts { try await $0.state().compartments.values }
        if compartments.isEmpty {
            print("no compartments; create one with `parley compartment create ID --title TEXT`")
        }
        for compartment in compartments.sorted(by: { $0.id < $1.id }) {
            let members = compartment.members.sorted().joined(separator: ", ")
            print("\(compartment.id)  \(compartment.title)  members: \(members.isEmpty ? "none" : members)")
        }
    }
}
