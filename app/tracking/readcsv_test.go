package tracking

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"campaignsim/app/internal/apptest"
	"campaignsim/plan"
)

// TestReadCSVFileIsBounded: a pipe or a device chosen in the file dialog is
// refused at once instead of being read forever, and a file over the size
// limit is refused having read one byte past the limit.
func TestReadCSVFileIsBounded(t *testing.T) {
	apptest.NewTestApp(t, "en", plan.LangEN)
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no fifo here:", err)
	}
	// Opening a fifo blocks until a writer comes: give it one that never writes.
	w, err := os.OpenFile(fifo, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := readCSVFile(fifo); err == nil || !strings.Contains(err.Error(), "not a file that can be read") {
		t.Errorf("a pipe: err %v", err)
	}
	if _, err := readCSVFile("/dev/zero"); err == nil {
		t.Error("/dev/zero was read")
	}
	big := filepath.Join(dir, "big.csv")
	if err := os.WriteFile(big, make([]byte, plan.MaxFileSize+10), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := readCSVFile(big); err == nil || !strings.Contains(err.Error(), "larger than 10 MB") {
		t.Errorf("a file over the limit: err %v", err)
	}
	ok := filepath.Join(dir, "ok.csv")
	_ = os.WriteFile(ok, []byte("channel,month\n"), 0o600)
	if data, err := readCSVFile(ok); err != nil || string(data) != "channel,month\n" {
		t.Errorf("a small file: %q, %v", data, err)
	}
}
