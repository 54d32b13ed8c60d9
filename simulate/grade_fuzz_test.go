package simulate

import (
	"errors"
	"testing"
)

// FuzzDecodeCase: any bytes give a case or case errors, never a panic;
// every error has a code, and a decoded case has a rubric whose checks
// exist. go test -fuzz FuzzDecodeCase ./simulate/
func FuzzDecodeCase(f *testing.F) {
	data, _ := BuiltinCaseFile("bakery")
	f.Add(data)
	f.Add([]byte(teacherCase))
	f.Add([]byte("format = 1\n[case]\nid = \"x\"\n[[rubric]]\ncheck = \"duration\"\npoints = 1\n"))
	f.Add([]byte("[[[[[[[[[[\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := DecodeCase("fuzz.toml", data)
		if err != nil {
			var list CaseErrors
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error of no code: %v", err)
			}
			for _, e := range list {
				if _, ok := MsgArgs[e.Msg.Code]; !ok {
					t.Fatalf("code %q not in MsgArgs", e.Msg.Code)
				}
			}
			return
		}
		if len(c.Rubric) == 0 || c.MaxPoints() < 1 {
			t.Fatalf("a case without a rubric decoded: %+v", c)
		}
		if _, err := StartingPlan(c); err != nil {
			t.Fatalf("a decoded case has an invalid starting plan: %v", err)
		}
	})
}
