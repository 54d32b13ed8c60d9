package widgets_test

import (
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"campaignsim/app/internal/apptest"
	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate"

	"github.com/shopspring/decimal"
)

// TestRecommendationText checks that the screens tell advice as the command
// line and the documents do: the catalog's "Plan entier" for the whole plan,
// and a cost per message with its fractions of a cent (simulate.ValueUnit),
// not "0,00 €".
func TestRecommendationText(t *testing.T) {
	apptest.NewTestApp(t, "fr", plan.LangFR)
	p := plan.Plan{Info: plan.Info{Currency: "EUR"}}
	r := simulate.Result{Recommendations: []simulate.Recommendation{
		{KPI: "cost_per_message", Value: decimal.RequireFromString("0.012"), Benchmark: decimal.RequireFromString("0.004")},
	}}
	got := widgets.RecommendationText(p, simulate.AdviceOf(r)[0])
	want := "Plan entier — Coût par message 0,012\u00a0€, au-dessus du repère 0,004\u00a0€"
	if got != want {
		t.Errorf("RecommendationText =\n%q, want\n%q", got, want)
	}
}

// TestErrorDetailInFrench: what the screens say after "cannot be saved:"
// or "cannot be calculated:" is French in the French app — a planning
// tool's reason, a disk's, the plan's problems joined by the French list
// separator — where they showed the Go error's English.
func TestErrorDetailInFrench(t *testing.T) {
	apptest.NewTestApp(t, "fr", plan.LangFR)
	err := fmt.Errorf("save: %w", &fs.PathError{Op: "open", Path: "/media/cle/x.png", Err: syscall.EROFS})
	if got := widgets.ErrorDetail(err); got != "le disque est en lecture seule" {
		t.Errorf("a read-only disk: %q", got)
	}
	_, err = simulate.GoalSeek(mustExample(t, "bakery"), "roi", decimal.NewFromInt(1), simulate.MixKeep)
	if got := widgets.ErrorDetail(err); !strings.HasPrefix(got, "la recherche d'objectif ne peut pas viser «\u00a0roi\u00a0»") {
		t.Errorf("goal seek's reason: %q", got)
	}
	list := plan.ErrorList{{Msg: plan.NewMsg("syntax_eof")}, {Msg: plan.NewMsg("syntax_list")}}
	if got := widgets.ErrorDetail(list); !strings.Contains(got, "par ])\u00a0; dans une liste") {
		t.Errorf("two problems: %q", got)
	}
}

func mustExample(t *testing.T, name string) plan.Plan {
	t.Helper()
	p, err := plan.Example(name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
