package fetch

import "net/netip"

// SetAllowAddr replaces PublicAddr as the test of f.PublicOnly, so that
// tests can tell loopback servers apart by port.
func SetAllowAddr(f *Fetcher, allow func(netip.AddrPort) bool) { f.allowAddr = allow }
