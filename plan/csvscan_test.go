package plan

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"reflect"
	"testing"
)

// scanAll reads text with csvScanner: its records, or false at its first
// syntax error.
func scanAll(text []byte, sep byte) ([][]string, bool) {
	s := newCSVScanner(text, 0, 1, sep)
	var out [][]string
	for {
		_, cells, n, err, ok := s.next()
		if !ok {
			return out, true
		}
		if err != nil || n != len(cells) {
			return nil, false
		}
		rec := make([]string, len(cells))
		for i, c := range cells {
			if c.long() {
				return nil, false
			}
			rec[i] = c.text
		}
		out = append(out, rec)
	}
}

// stdAll reads text with encoding/csv (strict quotes, any number of
// fields): its records, or false at its first error.
func stdAll(text []byte, sep byte) ([][]string, bool) {
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = rune(sep)
	r.FieldsPerRecord = -1
	var out [][]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, true
		}
		if err != nil {
			return nil, false
		}
		out = append(out, rec)
	}
}

// FuzzCSVScanner checks csvScanner against encoding/csv, whose rules it
// follows: on text both read without error (and whose cells and rows are
// within the limits), the records are the same; and they refuse the same
// texts.
func FuzzCSVScanner(f *testing.F) {
	for _, s := range []string{englishCSV, frenchCSV, "a,\"b\"\"c\",\"d\ne\"\r\nf\n\n\r\ng,,\n",
		"\"a\"b\n", "a\"b\n", "\"a\n", "a\r\nb\rc\n", " \"a\"\n", "\"\"\n,\n", "\"a\r\nb\"\r\n"} {
		f.Add([]byte(s), byte(','))
		f.Add([]byte(s), byte(';'))
	}
	f.Fuzz(func(t *testing.T, text []byte, sep byte) {
		if sep != ',' && sep != ';' && sep != '\t' {
			return
		}
		// encoding/csv reads invalid UTF-8 as U+FFFD and rejects a
		// separator-free "\r"-only quirk differently; csvText hands the
		// scanner valid UTF-8 only.
		if !validText(text) {
			return
		}
		got, okGot := scanAll(text, sep)
		want, okWant := stdAll(text, sep)
		if okGot && okWant && len(got) <= MaxCSVRows && !reflect.DeepEqual(got, want) {
			t.Fatalf("records differ:\ncsvScanner   %q\nencoding/csv %q", got, want)
		}
		if okGot != okWant && bytes.Count(text, []byte{'\n'}) < 1000 {
			long := false
			for _, r := range want {
				long = long || len(r) > MaxCSVColumns
				for _, c := range r {
					long = long || len([]rune(c)) > MaxCSVText
				}
			}
			if !long {
				t.Fatalf("csvScanner ok %v, encoding/csv ok %v on %q", okGot, okWant, text)
			}
		}
	})
}

// validText reports whether text is what csvText returns: UTF-8 without
// NUL.
func validText(text []byte) bool {
	return bytes.IndexByte(text, 0) < 0 && bytes.Equal(bytes.ToValidUTF8(text, nil), text)
}
