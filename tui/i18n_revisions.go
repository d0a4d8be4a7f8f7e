package tui

// Strings of goal revisions: the reason asked before a save, and the
// detail pane's list of a KPI's revisions.
var (
	msgReasonWhatIf = Text{JA: "試算から目標に保存", EN: "saved from the what-if"}
)
