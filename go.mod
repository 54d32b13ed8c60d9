module campaignsim

go 1.25.0

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/shopspring/decimal v1.6.0
	gonum.org/v1/gonum v0.17.0
)
