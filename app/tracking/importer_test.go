package tracking

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"campaignsim/app/internal/apptest"
	"campaignsim/app/widgets"
	"campaignsim/plan"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// importPlanTOML is a one-month plan (September 2027) for the reports of
// plan/testdata/reports: its search channel has no campaigns patterns yet
// (the Google Ads campaigns are to place), the Meta and Mailchimp
// campaigns reach their channels by pattern.
const importPlanTOML = `format = 1

[plan]
title = "Rentrée"
language = "fr"
start = 2027-09-01
months = 1
budget = "8000"

[business]
name = "Boulangerie"
average_order = "12.50"
gross_margin = "0.65"

[[channels]]
id = "search"
name = "Recherche"
kind = "search"
budget = "5000"
cpc = "0.50"
ctr = "0.02"
conversion_rate = "0.01"

[[channels]]
id = "social"
name = "Facebook"
kind = "social_ads"
campaigns = ["Printemps*"]
budget = "1200"
cpm = "12"
ctr = "0.02"
conversion_rate = "0.02"

[[channels]]
id = "mailing"
name = "Newsletter"
kind = "email"
campaigns = ["Newsletter*"]
list_size = 2500
sends = 2
open_rate = "0.2"
click_rate = "0.03"
conversion_rate = "0.05"

[tracking]
ignore_campaigns = ["Bannières*", "Ancienne*", "Essai*"]
`

// newImportFixture is a tracking screen on importPlanTOML, its texts in
// text ("fr" or "en"), in a window large enough for the import dialog.
func newImportFixture(t *testing.T, text string) *trackingFixture {
	t.Helper()
	a := apptest.NewTestApp(t, text, plan.Language(text))
	if os.Getenv("CAMPAIGNSIM_TRACKING_PNG") != "" {
		a.Settings().SetTheme(widgets.NewTheme("light"))
	}
	p, err := plan.Decode("rentree.toml", []byte(importPlanTOML))
	if err != nil {
		t.Fatal(err)
	}
	f := &trackingFixture{t: t}
	f.w = test.NewWindow(nil)
	t.Cleanup(f.w.Close)
	f.v = NewView(f.w, func(label string, q plan.Plan) {
		f.edits = append(f.edits, q)
		f.names = append(f.names, label)
	})
	t.Cleanup(f.v.stop)
	f.work = &apptest.WorkQueue{}
	f.v.goWork = f.work.Run
	f.v.task.Post = f.ui.Run
	f.w.SetContent(f.v.Widget())
	f.w.Resize(fyne.NewSize(1100, 820))
	f.v.Refresh(p, nil)
	return f
}

func reportFile(t *testing.T, name string) plan.ActualsFile {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "plan", "testdata", "reports", name))
	if err != nil {
		t.Fatal(err)
	}
	return plan.ActualsFile{Name: name, Data: data}
}

// TestImportPlacesCampaignsInOneEdit: three reports at once (Google Ads,
// Meta, Mailchimp). The Google Ads campaigns match no channel: each is
// shown with a channel picker, Import waits, and the preview already
// holds the rows of the others (Facebook, Newsletter — its spend
// unknown). Picking search for "Marque - Recherche" and Ignore for
// "Générique - Lille" makes the import ready; Import records ONE edit:
// search's campaigns gain "Marque - Recherche", ignore_campaigns gains
// "Générique - Lille", and the actuals get the three channels' rows of
// month 1 (search: 4 934.20, the one campaign placed).
func TestImportPlacesCampaignsInOneEdit(t *testing.T) {
	for _, text := range []string{"fr", "en"} {
		t.Run(text, func(t *testing.T) {
			f := newImportFixture(t, text)
			f.v.ImportActuals(reportFile(t, "google-ads-en.csv"), reportFile(t, "meta-en.csv"), reportFile(t, "mailchimp.csv"))
			f.work.Drain()
			im := f.v.imp
			if im == nil {
				t.Fatal("no import dialog")
			}
			if len(im.selects) != 2 || im.selects["Marque - Recherche"] == nil || im.selects["Générique - Lille"] == nil {
				t.Fatalf("pickers for %v, want the two Google Ads campaigns", im.selects)
			}
			if !im.importBtn.Disabled() {
				t.Error("Import is possible with campaigns left to place")
			}
			if !trackingHas(im.preview, "Facebook") || !trackingHas(im.preview, "Newsletter") || trackingHas(im.preview, "Recherche") {
				t.Errorf("preview %q: want Facebook and Newsletter, not yet Recherche", trackingTexts(im.preview))
			}
			if !trackingHas(im.preview, unknownText(f.v.current)) {
				t.Errorf("the Mailchimp spend is not shown unknown: %q", trackingTexts(im.preview))
			}
			if os.Getenv("CAMPAIGNSIM_TRACKING_PNG") != "" {
				trackingCapture(t, f.w, "/tmp/tracking-import-pick-"+text+".png")
			}
			names, _ := pickOptions(f.v.current)
			im.selects["Marque - Recherche"].SetSelected(names[0])           // Recherche (search)
			im.selects["Générique - Lille"].SetSelected(names[len(names)-1]) // Ignore
			f.work.Drain()
			if im.importBtn.Disabled() {
				t.Fatalf("Import still disabled: %q", f.v.lastErr)
			}
			if len(im.selects) != 2 || im.selects["Générique - Lille"].SelectedIndex() != len(names)-1 {
				t.Errorf("the choices made are not shown to change: %v", im.selects)
			}
			if !trackingHas(im.preview, "Recherche") {
				t.Errorf("preview without search: %q", trackingTexts(im.preview))
			}
			if os.Getenv("CAMPAIGNSIM_TRACKING_PNG") != "" {
				trackingCapture(t, f.w, "/tmp/tracking-import-ready-"+text+".png")
			}
			apptest.TapIn(t, f.w.Canvas(), lang.L("Import"))
			if len(f.edits) != 1 || f.names[0] != lang.L("Import actuals") {
				t.Fatalf("%d edits %q, want one import", len(f.edits), f.names)
			}
			q := f.edits[0]
			if got := q.Channels[0].Campaigns; !reflect.DeepEqual(got, []string{"Marque - Recherche"}) {
				t.Errorf("search campaigns %q", got)
			}
			if got := q.Tracking.IgnoreCampaigns; !reflect.DeepEqual(got, []string{"Bannières*", "Ancienne*", "Essai*", "Générique - Lille"}) {
				t.Errorf("ignore_campaigns %q", got)
			}
			var ids []string
			for _, a := range q.Actuals {
				ids = append(ids, a.Channel)
				if a.Channel == "search" && a.Spend.String() != "4934.2" {
					t.Errorf("search spend %s, want 4934.2", a.Spend)
				}
				if a.Channel == "mailing" && !a.SpendUnknown {
					t.Error("the Mailchimp spend became known")
				}
			}
			if !reflect.DeepEqual(ids, []string{"search", "social", "mailing"}) {
				t.Errorf("actuals of %v", ids)
			}
			if f.w.Canvas().Overlays().Top() != nil || f.v.imp != nil {
				t.Error("the dialog is still open")
			}
		})
	}
}

// TestImportAddFileAndCancel: a second file may be added to the dialog
// (the same report again is counted once: its rows replace the first's),
// and Cancel records nothing.
func TestImportAddFileAndCancel(t *testing.T) {
	f := newImportFixture(t, "en")
	f.v.ImportActuals(reportFile(t, "mailchimp.csv"))
	f.work.Drain()
	again := reportFile(t, "mailchimp.csv")
	again.Name = "mailchimp (1).csv"
	f.v.ImportActuals(again)
	f.work.Drain()
	im := f.v.imp
	if len(im.files) != 2 || im.read.Rows == nil || len(im.read.Rows) != 1 || im.read.Rows[0].Exposures.Decimal.String() != "4893" {
		t.Fatalf("files %d, rows %+v: want the send counted once (4893 delivered)", len(im.files), im.read.Rows)
	}
	if !trackingHas(im.fileList, "mailchimp.csv") {
		t.Errorf("files %q", trackingTexts(im.fileList))
	}
	apptest.TapIn(t, f.w.Canvas(), lang.L("Cancel"))
	if len(f.edits) != 0 || f.v.imp != nil {
		t.Errorf("%d edits after Cancel", len(f.edits))
	}
}

// TestImportSameNameTwoFolders: two files of the same name from two
// folders (a Meta and a Mailchimp export both saved as "export.csv") are
// two files of the import; the same path chosen again is one.
func TestImportSameNameTwoFolders(t *testing.T) {
	f := newImportFixture(t, "en")
	var paths []string
	for _, src := range []string{"meta-en.csv", "mailchimp.csv"} {
		dir := t.TempDir()
		path := filepath.Join(dir, "export.csv")
		if err := os.WriteFile(path, reportFile(t, src).Data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	f.v.ImportActualsPaths(append(paths, paths[0])...)
	f.work.Drain()
	im := f.v.imp
	if len(im.files) != 2 || len(im.read.Rows) != 2 {
		t.Fatalf("%d files, rows %+v: want the Meta and the Mailchimp export", len(im.files), im.read.Rows)
	}
}

// TestTrackingShowsUnknownSpend: after importing a Mailchimp export (no
// cost column), the tracking screen writes the newsletter's cost and CPA,
// and the plan's, as unknown — not 0 €.
func TestTrackingShowsUnknownSpend(t *testing.T) {
	f := newImportFixture(t, "en")
	f.v.ImportActuals(reportFile(t, "mailchimp.csv"))
	f.work.Drain()
	apptest.TapIn(t, f.w.Canvas(), lang.L("Import"))
	if len(f.edits) != 1 {
		t.Fatalf("%d edits (errors %q)", len(f.edits), f.v.lastErr)
	}
	f.v.Refresh(f.edits[0], nil)
	f.wait("the tracking", func() bool { return f.v.tracking != nil })
	word := unknownText(f.v.current)
	n := 0
	for _, s := range trackingTexts(f.v.body) {
		if strings.Contains(s, word) {
			n++
		}
	}
	if n < 3 { // the newsletter's cost and CPA, the whole plan's cost at least
		t.Errorf("%q written %d times in %q", word, n, trackingTexts(f.v.body))
	}
}

// TestImportStaleReadingDropped: a reading overtaken by a newer one (a
// second file added before the first reading came back) hands back
// nothing: the dialog stays busy, showing no rows, until the newer one —
// which reads both files — arrives; then the progress bar goes, Add and
// Import are enabled and the preview holds both files' rows.
func TestImportStaleReadingDropped(t *testing.T) {
	f := newImportFixture(t, "en")
	var jobs []func()
	f.v.goWork = func(job func()) { jobs = append(jobs, job) }
	f.v.ImportActuals(reportFile(t, "mailchimp.csv"))
	f.v.ImportActuals(reportFile(t, "meta-en.csv"))
	im := f.v.imp
	if len(jobs) != 2 || !im.task.Running() || !im.progress.Visible() || !im.addBtn.Disabled() {
		t.Fatalf("%d jobs, running %v: want two readings under way behind the progress bar", len(jobs), im.task.Running())
	}
	jobs[0]() // the reading of mailchimp.csv alone: stale
	if im.read.Rows != nil || !im.task.Running() || !im.progress.Visible() {
		t.Fatalf("the stale reading was shown: rows %+v, running %v", im.read.Rows, im.task.Running())
	}
	jobs[1]()
	if im.task.Running() || im.progress.Visible() || im.addBtn.Disabled() || im.importBtn.Disabled() {
		t.Errorf("after the reading: running %v, progress %v, add disabled %v, import disabled %v (errors %q)",
			im.task.Running(), im.progress.Visible(), im.addBtn.Disabled(), im.importBtn.Disabled(), f.v.lastErr)
	}
	if len(im.read.Rows) != 2 || !trackingHas(im.preview, "Facebook") || !trackingHas(im.preview, "Newsletter") {
		t.Errorf("rows %+v, preview %q: want Facebook's and the newsletter's", im.read.Rows, trackingTexts(im.preview))
	}
}

// TestImportUnreadableFile: a file that cannot be read (gone since it was
// chosen) leaves the dialog with a message naming it; the files read
// before stay, and so does their preview, ready to import.
func TestImportUnreadableFile(t *testing.T) {
	f := newImportFixture(t, "en")
	f.v.ImportActuals(reportFile(t, "mailchimp.csv"))
	f.work.Drain()
	missing := filepath.Join(t.TempDir(), "gone.csv")
	f.v.ImportActualsPaths(missing)
	f.work.Drain()
	im := f.v.imp
	if len(im.files) != 1 || im.files[0].Name != "mailchimp.csv" || len(im.read.Rows) != 1 {
		t.Fatalf("files %d, rows %+v: want mailchimp.csv's reading kept", len(im.files), im.read.Rows)
	}
	if len(f.v.lastErr) == 0 || !strings.Contains(f.v.lastErr[0], "gone.csv") || im.problems.Importance != widget.DangerImportance {
		t.Errorf("message %q: want gone.csv said unreadable", f.v.lastErr)
	}
	if im.task.Running() || im.progress.Visible() || im.addBtn.Disabled() {
		t.Error("the dialog is still busy")
	}
	apptest.TapIn(t, f.w.Canvas(), lang.L("Import"))
	if len(f.edits) != 1 || len(f.edits[0].Actuals) != 1 {
		t.Errorf("%d edits: want mailchimp.csv imported", len(f.edits))
	}
}
