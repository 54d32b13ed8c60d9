package plan_test

import (
	"fmt"
	"strings"

	"campaignsim/plan"
)

func ExampleDecode() {
	src := `format = 1

[plan]
title = "Spring campaign"
start = 2027-03-01
months = 3
budget = "2000"

[business]
name = "Bakery"
average_order = "12.50"
gross_margin = "0.65"

[[channels]]
id = "mailing"
name = "Newsletter"
kind = "email"
list_size = 2500
open_rate = 0.22
click_rate = "0.03"
conversion_rate = "0.10"
`
	_, err := plan.Decode("spring.toml", []byte(src))
	fmt.Println(err)

	p, err := plan.Decode("spring.toml", []byte(strings.Replace(src, "0.22", `"0.22"`, 1)))
	fmt.Println(err, p.Info.Title, p.Channels[0].OpenRate, p.Channels[0].Sends, p.Info.Currency)
	// Output:
	// spring.toml:19:1: open_rate = 0.22 is a TOML float, which loses digits: write it as a string: open_rate = "0.22"
	// <nil> Spring campaign 0.22 1 EUR
}
