/// A need-to-know group: an engagement in a compartment, and everything that touches it, is seen only
/// by the compartment's members.
///
/// Membership is kept with the accounts (`ParleyAccess`); the desk only records which compartment an
/// engagement belongs to, so this type is the id's namespace.
public enum Compartment {
    /// A compartment's id (`quiet-channel`).
    public typealias ID = Identifier<Compartment>
}
