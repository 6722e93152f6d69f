/// The kinds of advance work a venue needs before a meeting.
public enum TaskKind: String, CaseIterable, Sendable, Codable {
    case siteSurvey = "site-survey"
    case securitySweep = "security-sweep"
    case communications
    case pressPool = "press-pool"
    case protocolArrangements = "protocol"
    case policyPaper = "policy-paper"
    case logistics
}
