package main

import "context"

// summarizeCommand is a placeholder until the real command lands.
type summarizeCommand struct{ main *Main }

func (c *summarizeCommand) ParseFlags(args []string) error { return nil }

func (c *summarizeCommand) Run(ctx context.Context) error { return usagef("brief summarize: not implemented yet") }
