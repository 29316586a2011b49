package main

import "context"

// rougeCommand is a placeholder until the real command lands.
type rougeCommand struct{ main *Main }

func (c *rougeCommand) ParseFlags(args []string) error { return nil }

func (c *rougeCommand) Run(ctx context.Context) error { return usagef("brief rouge: not implemented yet") }
