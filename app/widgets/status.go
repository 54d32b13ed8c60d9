package widgets

// StatusClearer is a Panel that shows notices about the plan on screen
// ("Channel deleted.", the problems of a refused value). The shell calls
// ClearStatus when another plan replaces that one (File → New, Open, a
// recovery), so that no notice about the previous plan survives it.
type StatusClearer interface {
	ClearStatus()
}
