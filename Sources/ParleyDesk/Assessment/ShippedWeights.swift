// The weights Parley ships. Written by `parley calibrate --fit`; edit by fitting again, not by hand.

extension AssessmentWeights {
    /// The weights the estimate uses unless told otherwise.
    public static let shipped = AssessmentWeights.handSet
}
