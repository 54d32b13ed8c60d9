package plan

import (
	"fmt"
	"time"
)

// Date is a calendar date without time or zone (a TOML local date).
// The zero Date means "not set".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date y-m-d.
func NewDate(y int, m time.Month, d int) Date { return Date{y, m, d} }

// DateOf returns the calendar date of t, in t's location.
func DateOf(t time.Time) Date { y, m, d := t.Date(); return Date{y, m, d} }

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// String formats d as YYYY-MM-DD (the TOML form).
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// AddMonths returns d moved by n calendar months (time.AddDate rules:
// 2027-01-31 plus one month is 2027-03-03).
func (d Date) AddMonths(n int) Date { return DateOf(d.Time().AddDate(0, n, 0)) }

// End returns the last day of a plan that starts on start and runs months
// months: the day before start + months. A plan from 2027-01-04 for 3 months
// ends on 2027-04-03.
func End(start Date, months int) Date { return DateOf(start.Time().AddDate(0, months, -1)) }

// MonthOf returns the 1-based plan month that contains d for a plan
// starting on start: month m covers [start + (m-1) months, start + m months).
// Dates before start give 0.
func MonthOf(start, d Date) int {
	if d.Before(start) {
		return 0
	}
	m := 1
	for !d.Before(start.AddMonths(m)) {
		m++
	}
	return m
}
