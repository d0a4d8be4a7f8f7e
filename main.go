// Command kpit is a terminal KPI cockpit for sales teams.
package main

import (
	"os"

	"github.com/kpit-dev/kpit/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
