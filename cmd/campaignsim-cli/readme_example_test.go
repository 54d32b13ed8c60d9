package main

import (
	"bytes"
	"fmt"
	"strings"

	"campaignsim/plan"
)

// cliOutput runs the command line args on the bakery example (read from
// standard input, "-") and returns what it prints.
func cliOutput(args ...string) string {
	text, _ := plan.ExampleFile("bakery")
	var out, errs bytes.Buffer
	if code := run(append(args[:1:1], append([]string{"-"}, args[1:]...)...), bytes.NewReader(text), &out, &errs); code != 0 {
		return fmt.Sprintf("exit %d: %s", code, errs.String())
	}
	return out.String()
}

// printLines prints the lines of s that start (after their indentation)
// with one of prefixes, in order, and the n lines after each: the
// README's excerpts of a command's output.
func printLines(s string, n int, prefixes ...string) {
	lines := strings.Split(s, "\n")
	for i := 0; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		for _, p := range prefixes {
			if strings.HasPrefix(t, p) {
				for j := i; j <= min(i+n, len(lines)-1); j++ {
					fmt.Println(lines[j])
				}
				break
			}
		}
	}
}

// The README's excerpt of `simulate bakery.toml`: key figures, then the
// objective with its SMART checklist.
func Example_simulate() {
	out := cliOutput("simulate")
	printLines(out, 0, "Coût  ", "Budget restant", "Chiffre d'affaires", "Résultat net", "ROI  ", "Clients  ", "CPA  ", "CLV  ")
	printLines(out, 4, "✓ nouveaux-clients")
	// Output:
	//   Coût                                4 940,00 €
	//   Budget restant                         60,00 €
	//   Chiffre d'affaires                 11 859,27 €
	//   Résultat net                        3 007,27 €
	//   ROI                                     34,0 %
	//   Clients                                    215
	//   CPA                                    22,96 €
	//   CLV                                   136,96 €
	//     Résultat net ≥ 0,00 €, échéance 03/04/2027 : valeur 3 007,27 €, écart +3 007,27 €
	//   ✓ nouveaux-clients — atteint
	//     « Gagner 200 nouveaux clients dans les zones péri-urbaines de Lille et Roubaix d'ici le 3 avril 2027 »
	//     Clients ≥ 200, échéance 03/04/2027 : valeur 215, écart +15
	//     SMART : S ✓  M ✓  A ✓  R ✓  T ✓
	//
}

// The README's excerpt of `uncertainty bakery.toml`: the headline.
func Example_uncertainty() {
	printLines(cliOutput("uncertainty"), 0, "Sur ")
	// Output:
	// Sur 10 000 simulations, 8 sur 10 donnent entre 192 et 244 clients ; probabilité d'atteindre « Gagner 200 nouveaux clients dans les zones péri-urbaines de Lille et Roubaix d'ici le 3 avril 2027 » : 80,8 %.
}

// The README's excerpt of `sensitivity bakery.toml`: what matters most.
func Example_sensitivity() {
	printLines(cliOutput("sensitivity"), 0, "Ce qui compte le plus")
	// Output:
	// Ce qui compte le plus : le taux de réponse de « Mailing familles en boîtes aux lettres (coupon de bienvenue) » (de 1 805,47 € à 4 724,14 € de résultat net).
}

// The README's excerpt of `optimize bakery.toml --goal customers`: where
// the next euro should go (print channels are decisions too, MODEL.md).
func Example_optimize() {
	printLines(cliOutput("optimize", "--goal", "customers"), 0, "1. Déplacer", "Au total")
	// Output:
	// 1. Déplacer 564 € de « Publicités Facebook et Instagram ciblées familles » vers « Affiches dans les écoles et les supermarchés ».
	// Au total : +45 clients (de 215 à 261).
}

// The README's excerpt of goal seek: the budget a target takes with
// today's mix, and how it is split.
func Example_goalseek() {
	printLines(cliOutput("goalseek", "--metric", "customers", "--target", "400"), 1, "Pour 400")
	// Output:
	// Pour 400 clients, il faut un budget publicitaire de 10 333 € (coût total du plan 12 433 €), réparti ainsi :
	//   - « Mailing familles en boîtes aux lettres (coupon de bienvenue) »  3 200 €
}
