package main

import "context"

// evalCommand is a placeholder until the real command lands.
type evalCommand struct{ main *Main }

func (c *evalCommand) ParseFlags(args []string) error { return nil }

func (c *evalCommand) Run(ctx context.Context) error { return usagef("brief eval: not implemented yet") }
