package simulate

import (
	"errors"

	"campaignsim/plan"
)

// errTODO marks the engine entry points until they are implemented.
var errTODO = errors.New("simulate: not implemented yet")

// Run simulates the plan as written (the base scenario) with the default
// benchmark library. It returns the plan's validation errors (a
// plan.ErrorList) if p is invalid.
func Run(p plan.Plan) (Result, error) { return RunWith(p, plan.DefaultLibrary()) }

// RunWith is Run with a given benchmark library.
func RunWith(p plan.Plan, lib plan.Library) (Result, error) { return Result{}, errTODO }

// RunScenario simulates the named scenario ("base" for the plan as written).
func RunScenario(p plan.Plan, name string) (Result, error) { return Result{}, errTODO }

// RunAll simulates the base scenario then every scenario of the plan, in
// file order: the results side by side.
func RunAll(p plan.Plan) ([]Result, error) { return nil, errTODO }

// Evaluate computes results from the plan's actuals beside the plan over
// the same months.
func Evaluate(p plan.Plan) (Evaluation, error) { return Evaluation{}, errTODO }
