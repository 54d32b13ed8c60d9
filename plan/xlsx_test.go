package plan

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/csv"
	"hash/crc32"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// metaRows are the rows of meta-en.csv as cells.
func metaRows(t *testing.T) [][]string {
	r := csv.NewReader(bytes.NewReader(readTestdata(t, "meta-en.csv")))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// A Meta export saved as .xlsx gives the figures of its CSV (see
// TestReadMetaReport); its dates are stored as dates (serial numbers).
func TestReadMetaXLSX(t *testing.T) {
	rows := metaRows(t)
	f := excelize.NewFile()
	for i, r := range rows {
		for j, c := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			var v any = c
			if i > 0 && j < 2 {
				d, _ := parseReportDate(c, ',')
				v = d.Time()
			} else if d, k := reportNumber(c, '.', false); i > 0 && k == cellNumber {
				v, _ = d.Float64()
			}
			if err := f.SetCellValue("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	imp, err := ReadActualsFiles([]ActualsFile{{"meta.xlsx", buf.Bytes()}}, reportPlan())
	if err != nil {
		t.Fatal(err)
	}
	sameReportRows(t, imp.Rows, []Actual{{Channel: "meta", Month: 9, Spend: dec("1180.75"), Exposures: ndec("96200"), Interactions: ndec("1702"), Customers: dec("42"), Revenue: dec("0")}})
}

// zipWith returns a zip holding one entry written raw: its declared
// uncompressed size is declared, its data data deflated.
func zipWith(t *testing.T, name string, data []byte, declared uint64) []byte {
	t.Helper()
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	fw.Write(data)
	fw.Close()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(data),
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: declared})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	zw.Close()
	return out.Bytes()
}

// Workbooks that unpack to too much are refused from their directory, or
// by archive/zip when a part holds more than it declares; broken ones and
// those with too many sheets too: each one error at line 0 of the file.
func TestXLSXBounds(t *testing.T) {
	zeros := make([]byte, 70<<20) // 70 MB of zeros deflate to some 70 kB
	manySheets := func() []byte {
		f := excelize.NewFile()
		for i := 0; i < MaxXLSXSheets; i++ {
			f.NewSheet("S" + strings.Repeat("x", 1) + string(rune('A'+i%26)) + string(rune('A'+i/26)))
		}
		var b bytes.Buffer
		f.Write(&b)
		return b.Bytes()
	}()
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"declared too big", zipWith(t, "xl/worksheets/sheet1.xml", []byte("<x/>"), 1<<40), "the workbook unpacks to more than 64 MB"},
		{"bomb", zipWith(t, "xl/worksheets/sheet1.xml", zeros, uint64(len(zeros))), "the workbook unpacks to more than 64 MB"},
		{"bomb declared small", zipWith(t, "xl/worksheets/sheet1.xml", zeros, 1000), "cannot be read"},
		{"not a zip", []byte("PK\x03\x04garbage"), "cannot be read"},
		{"too many sheets", manySheets, "sheets, more than the 50"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadActualsFiles([]ActualsFile{{"r.xlsx", c.data}}, reportPlan())
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "r.xlsx: ") {
				t.Fatalf("got %v, want %q", err, c.want)
			}
			t.Log(err)
		})
	}
}

// A workbook whose figures are text written the French way ("4 934,20",
// "795 836") gives the figures of the CSV: its text cells tell the
// decimal separator.
func TestXLSXFrenchText(t *testing.T) {
	r := csv.NewReader(bytes.NewReader(readTestdata(t, "google-ads-fr.csv")))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	for i, row := range rows {
		for j, c := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			f.SetCellStr("Sheet1", cell, c)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	imp, err := ReadActualsFiles([]ActualsFile{{"fr.xlsx", buf.Bytes()}}, reportPlan())
	if err != nil {
		t.Fatal(err)
	}
	sameReportRows(t, imp.Rows, googleWant())
}
