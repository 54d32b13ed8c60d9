package tracking

import (
	"context"
	"path/filepath"
	"sort"
	"strings"

	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"
)

// Importer is the import dialog of the tracking screen: the files chosen
// (one or several, any format plan.ReadActualsFiles reads: the Google Ads,
// Meta and Mailchimp reports as downloaded, CampaignSim's actuals CSV), a
// preview of what they bring per channel and month, each campaign that
// matched no channel with a channel to pick (or "ignore"), and the Import
// button, which records it all — the picks written into the channels'
// campaigns and [tracking] ignore_campaigns (plan.PlaceCampaigns), the rows
// merged into the actuals — as ONE undoable edit (plan.ImportActuals).
//
// Threading: its handlers run on the UI goroutine; every reading — the
// files chosen, then plan.ImportActuals — runs off it through the dialog's
// widgets.Task behind a progress bar, and what it hands back runs on the
// UI goroutine only when no newer reading started meanwhile: a reading for
// older files or picks is dropped (a file it had not read yet is read by
// the newer one).
type Importer struct {
	v    *View
	base plan.Plan // the plan the import is for

	files []plan.ActualsFile
	keys  []string                 // each file's path (its name when given read), to tell a file chosen again
	reads []func() ([]byte, error) // each file's reading, nil once its data is in files
	picks map[string]string        // campaign → channel id, or pickIgnore
	task  widgets.Task             // the reading under way; Running while it has not delivered

	// the latest reading
	result plan.Plan // the plan to record, when err is nil
	read   plan.ActualsImport
	err    error
	// importAfter: the reading under way was asked by Import (the plan on
	// screen had changed): import as soon as it reads without a problem.
	importAfter bool

	dlg       dialog.Dialog
	body      *fyne.Container // the dialog's scrolled content
	fileList  *fyne.Container
	preview   *fyne.Container
	unplaced  *fyne.Container
	selects   map[string]*widget.Select // campaign → its channel picker
	problems  *widget.Label
	progress  *widget.ProgressBarInfinite
	addBtn    *widget.Button
	importBtn *widget.Button
}

// pickIgnore is the pick that leaves a campaign out (ignore_campaigns).
const pickIgnore = "\x00ignore"

// newImporter builds the dialog for plan p (UI goroutine); show opens it.
func newImporter(v *View, p plan.Plan) *Importer {
	im := &Importer{v: v, base: p, picks: map[string]string{}, selects: map[string]*widget.Select{}}
	// off the UI goroutine the view's way (the tests queue the work and
	// drain it); back onto it by fyne.Do, which the test driver runs at once
	im.task.Go = v.goWork
	im.fileList = container.NewVBox()
	im.preview = container.NewVBox()
	im.unplaced = container.NewVBox()
	im.problems = widgets.Label("")
	im.progress = widget.NewProgressBarInfinite()
	im.progress.Hide()
	im.addBtn = widget.NewButton(lang.L("Add a file…"), im.onAddFile)
	im.importBtn = widget.NewButton(lang.L("Import"), im.onImport)
	im.importBtn.Importance = widget.HighImportance
	im.importBtn.Disable()
	return im
}

// content is the dialog's body.
func (im *Importer) content() fyne.CanvasObject {
	intro := widgets.Label(lang.L("Google Ads, Meta Ads Manager and Mailchimp reports as downloaded (CSV, Excel CSV or .xlsx), or CampaignSim's actuals CSV. Add every report of the period: rows of one channel and month add up; a report given twice is counted once."))
	im.body = container.NewVBox(
		trackingTitle(lang.L("Files")), im.fileList, container.NewHBox(im.addBtn), im.progress,
		trackingTitle(lang.L("Campaigns to place")), im.unplaced,
		trackingTitle(lang.L("What will be imported")), im.preview,
		im.problems,
	)
	buttons := container.NewHBox(widget.NewButton(lang.L("Cancel"), im.onCancel), im.importBtn)
	return container.NewBorder(intro, container.NewBorder(nil, nil, nil, buttons), nil, nil, container.NewVScroll(im.body))
}

// show opens the dialog in the view's window.
func (im *Importer) show() {
	if im.v.win == nil {
		return
	}
	im.dlg = dialog.NewCustomWithoutButtons(lang.L("Import actuals"), im.content(), im.v.win)
	im.dlg.Resize(fyne.NewSize(940, 660))
	im.dlg.Show()
}

// onAddFile asks for one more file and adds it.
func (im *Importer) onAddFile() {
	im.v.openFile(reportFilter, func(path string) { im.load(path, func() ([]byte, error) { return readCSVFile(path) }) })
}

// load adds one more file, the one at path, that read reads off the UI
// goroutine, then reads every file again with it.
func (im *Importer) load(path string, read func() ([]byte, error)) {
	im.add(plan.ActualsFile{Name: filepath.Base(path)}, path, read)
	im.reread()
}

// addFile adds a file already read (UI goroutine) — the same file (key:
// its path) chosen again replacing its earlier reading — and when again
// reads them all.
func (im *Importer) addFile(f plan.ActualsFile, key string, again bool) {
	im.add(f, key, nil)
	if again {
		im.reread()
	}
}

// add adds file f (key: its path), whose data read gives when not nil,
// or replaces the file of the same key.
func (im *Importer) add(f plan.ActualsFile, key string, read func() ([]byte, error)) {
	for i, k := range im.keys {
		if k == key {
			im.files[i], im.reads[i] = f, read
			return
		}
	}
	im.files, im.keys, im.reads = append(im.files, f), append(im.keys, key), append(im.reads, read)
}

// choices are the picks made, by campaign name.
func (im *Importer) choices() []plan.CampaignChoice {
	names := make([]string, 0, len(im.picks))
	for n := range im.picks {
		names = append(names, n)
	}
	sort.Strings(names)
	out := make([]plan.CampaignChoice, 0, len(names))
	for _, n := range names {
		ch := im.picks[n]
		if ch == pickIgnore {
			ch = ""
		}
		out = append(out, plan.CampaignChoice{Campaign: n, Channel: ch})
	}
	return out
}

// reread reads every file again with the picks, off the UI goroutine
// (the files not read yet, then plan.ImportActuals), and shows the
// outcome. Every change to the files or the picks calls it, so a reading
// whose result arrives is for the files and picks on screen. A file that
// cannot be read leaves the dialog, with a message; the others are read
// without it.
func (im *Importer) reread() {
	base, choices := im.base, im.choices()
	files := append([]plan.ActualsFile(nil), im.files...)
	keys := append([]string(nil), im.keys...)
	reads := append([]func() ([]byte, error)(nil), im.reads...)
	im.setBusy(true)
	im.task.Start(func(ctx context.Context) func() {
		var ok []plan.ActualsFile
		var okKeys, problems []string
		for i, f := range files {
			if ctx.Err() != nil {
				return nil // a newer reading reads them
			}
			if reads[i] != nil {
				data, err := reads[i]()
				if err != nil {
					problems = append(problems, lang.L("“{{.File}}” cannot be read:", map[string]any{"File": f.Name})+" "+widgets.ReadErrorDetail(err))
					continue
				}
				f.Data = data
			}
			ok, okKeys = append(ok, f), append(okKeys, keys[i])
		}
		var q plan.Plan
		var read plan.ActualsImport
		var err error
		if len(ok) > 0 {
			q, read, err = plan.ImportActuals(base, ok, choices)
		}
		return func() {
			im.files, im.keys, im.reads = ok, okKeys, make([]func() ([]byte, error), len(ok))
			im.setBusy(false)
			if len(ok) > 0 {
				im.result, im.read, im.err = q, read, err
				im.rebuild()
			}
			if len(problems) > 0 {
				im.importAfter = false
				im.say(widget.DangerImportance, strings.Join(problems, "\n"))
				return
			}
			if im.importAfter {
				im.importAfter = false
				im.onImport()
			}
		}
	})
}

// setBusy shows the progress bar and holds the buttons while a reading
// runs.
func (im *Importer) setBusy(b bool) {
	if b {
		im.progress.Show()
		im.progress.Start()
		im.importBtn.Disable()
		im.addBtn.Disable()
		return
	}
	im.progress.Stop()
	im.progress.Hide()
	im.addBtn.Enable()
}

// say shows text under the preview with importance imp (and keeps it for
// the tests).
func (im *Importer) say(imp widget.Importance, text string) {
	im.problems.Importance = imp
	im.problems.SetText(text)
	if imp == widget.DangerImportance {
		im.v.lastErr = strings.Split(text, "\n")
	} else {
		im.v.lastErr = nil
	}
}

// rebuild lays the files, the campaigns to place and the preview out from
// the latest reading.
func (im *Importer) rebuild() {
	p := im.base
	im.fileList.Objects = nil
	for i, f := range im.read.Files {
		im.fileList.Add(widgets.Label(importFileLine(im.read, i, f)))
	}
	im.unplaced.Objects = nil
	im.selects = map[string]*widget.Select{}
	names, ids := pickOptions(p)
	// the campaigns to place, then those placed by a pick (which may
	// still be changed)
	rows := append([]plan.UnplacedCampaign(nil), im.read.Unplaced...)
	picked := make([]string, 0, len(im.picks))
	for c := range im.picks {
		picked = append(picked, c)
	}
	sort.Strings(picked)
	for _, c := range picked {
		rows = append(rows, plan.UnplacedCampaign{Campaign: c})
	}
	for _, u := range rows {
		if im.selects[u.Campaign] != nil {
			continue
		}
		camp := u.Campaign
		sel := widget.NewSelect(names, nil)
		sel.PlaceHolder = lang.L("Choose a channel")
		if id, ok := im.picks[camp]; ok {
			for i, x := range ids {
				if x == id {
					sel.SetSelectedIndex(i)
				}
			}
		}
		sel.OnChanged = func(string) {
			if i := sel.SelectedIndex(); i >= 0 {
				im.picks[camp] = ids[i]
				im.reread()
			}
		}
		im.selects[camp] = sel
		text := widgets.Quote(widgets.Lang(), camp)
		switch {
		case u.File == "":
			text += " — " + lang.L("your choice")
		case len(u.Channels) > 1:
			text += " (" + u.File + ") — " + lang.L("matches several channels: {{.IDs}}", map[string]any{"IDs": strings.Join(u.Channels, ", ")})
		default:
			text += " (" + u.File + ") — " + lang.L("matches no channel")
		}
		pick := container.NewGridWrap(fyne.NewSize(300, sel.MinSize().Height), sel) // the channel's whole name
		im.unplaced.Add(container.NewBorder(nil, nil, nil, pick, widgets.Label(text)))
	}
	if len(im.unplaced.Objects) == 0 {
		im.unplaced.Add(widgets.Label(lang.L("Every campaign has its channel.")))
	}
	im.preview.Objects = []fyne.CanvasObject{importPreview(p, im.read.Preview)}
	switch {
	case im.err == nil:
		im.importBtn.Enable()
		im.say(widget.MediumImportance, "")
	case im.read.Preview != nil:
		im.importBtn.Disable()
		im.say(widget.WarningImportance, lang.L("Choose a channel, or Ignore, for each campaign to place; then Import."))
	default:
		im.importBtn.Disable()
		im.say(widget.DangerImportance, lang.L("Nothing can be imported until these are fixed:")+"\n"+strings.Join(widgets.LoadErrorLines(im.err), "\n"))
	}
	im.fileList.Refresh()
	im.unplaced.Refresh()
	im.preview.Refresh()
	if im.body != nil {
		im.body.Refresh() // lays the sections out again at their new sizes
	}
}

// onImport records the import as one edit and closes the dialog. When the
// plan on screen changed since the dialog opened, the files are read again
// for it first, then imported if they still read without a problem (the
// edit never undoes what was typed meanwhile).
func (im *Importer) onImport() {
	if im.task.Running() || im.err != nil || len(im.files) == 0 || im.read.Rows == nil {
		return
	}
	cur, ok := im.v.current.Clone(), im.v.hasPlan
	if ok && !widgets.SamePlan(cur, im.base) {
		im.base = cur
		im.importAfter = true
		im.reread()
		return
	}
	q := im.result
	im.close()
	im.v.edit(lang.L("Import actuals"), q)
}

func (im *Importer) onCancel() { im.close() }

// close closes the dialog; a reading still under way is dropped.
func (im *Importer) close() {
	im.task.Cancel()
	if im.dlg != nil {
		im.dlg.Hide()
	}
	if im.v.imp == im {
		im.v.imp = nil
	}
}

// pickOptions are the options of a campaign's channel picker: each
// channel's name and id, then "Ignore", with the values they stand for.
func pickOptions(p plan.Plan) (names, ids []string) {
	for _, c := range p.Channels {
		names = append(names, c.Name+" ("+c.ID+")")
		ids = append(ids, c.ID)
	}
	return append(names, lang.L("Ignore (ignore_campaigns)")), append(ids, pickIgnore)
}

// sourceNames are the tools of plan.ImportedFile.Source, for people.
var sourceNames = map[string]string{"google-ads": "Google Ads", "meta": "Meta Ads Manager", "mailchimp": "Mailchimp",
	"campaignsim": "CampaignSim"}

// importFileLine says what file i brought: its tool, its months, an
// unknown spend, what it replaces.
func importFileLine(read plan.ActualsImport, i int, f plan.ImportedFile) string {
	src := sourceNames[f.Source]
	if src == "" {
		src = lang.L("not read")
	}
	line := f.Name + " — " + src
	if len(f.Months) > 0 {
		ms := make([]string, len(f.Months))
		for j, m := range f.Months {
			ms[j] = trackingMonth(m)
		}
		line += " — " + strings.Join(ms, ", ")
	}
	if f.SpendUnknown {
		line += " — " + lang.L("no cost column: the spend stays unknown")
	}
	if f.NoRevenue {
		line += " — " + lang.L("no revenue column: its revenue counts as 0 (add the conversion value column to the report to import it)")
	}
	if len(f.Replaces) > 0 && f.Replaces[0].File < len(read.Files) {
		line += " — " + lang.L("replaces what {{.File}} brought for the same channels and months",
			map[string]any{"File": read.Files[f.Replaces[0].File].Name})
	}
	return line
}

// importPreview is the table of the rows to import, per channel (plan
// order) and month: spend, exposures, interactions, customers (leads in
// b2b) and revenue.
func importPreview(p plan.Plan, rows []plan.Actual) fyne.CanvasObject {
	if len(rows) == 0 {
		return widgets.Label(lang.L("No row to import yet."))
	}
	b2b := p.Business.Model == plan.B2B
	l := widgets.Lang()
	conv := display.Label("customers", l)
	if b2b {
		conv = display.Label("leads", l)
	}
	heads := []string{lang.L("Channel"), lang.L("Month"), lang.L("Spend"), display.Label("exposures", l),
		display.Label("interactions", l), conv, display.Label("revenue", l)}
	grid := container.NewGridWithColumns(len(heads))
	for _, h := range heads {
		grid.Add(trackingCell(h, true))
	}
	sorted := append([]plan.Actual(nil), rows...)
	order := map[string]int{}
	for i, c := range p.Channels {
		order[c.ID] = i
	}
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Channel != sorted[j].Channel {
			return order[sorted[i].Channel] < order[sorted[j].Channel]
		}
		return sorted[i].Month < sorted[j].Month
	})
	count := func(v decimal.NullDecimal) string { return widgets.ResultsValue(p, "exposures", v) }
	for _, a := range sorted {
		spend := widgets.ResultsValue(p, "cost", decimal.NewNullDecimal(a.Spend))
		if a.SpendUnknown {
			spend = unknownText(p)
		}
		cv := count(decimal.NewNullDecimal(a.Customers))
		if b2b {
			cv = count(a.Leads)
		}
		for _, s := range []string{widgets.ChannelName(p, a.Channel), trackingMonth(a.Month), spend, count(a.Exposures),
			count(a.Interactions), cv, widgets.ResultsValue(p, "revenue", decimal.NewNullDecimal(a.Revenue))} {
			grid.Add(trackingCell(s, false))
		}
	}
	return grid
}

// unknownText is the word for a figure nobody knows (a spend the report
// does not give), in the interface's language.
func unknownText(p plan.Plan) string {
	return display.Text(plan.NewMsg(simulate.MsgFigureUnknown), widgets.Lang(), widgets.Currency(p))
}

// orUnknown is shown, or the unknown word when unknown.
func orUnknown(p plan.Plan, unknown bool, shown string) string {
	if unknown {
		return unknownText(p)
	}
	return shown
}
