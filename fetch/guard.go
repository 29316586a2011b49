package fetch

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"

	"github.com/briefnews/brief"
)

// ErrPrivateAddress is the kind of the error of a request that
// Fetcher.PublicOnly refused because it would have connected to an address
// that is not on the public internet. It wraps brief.ErrInvalid: the input
// (a feed URL, a link in a feed, a redirect) points where brief must not
// go, and trying again will not help.
var ErrPrivateAddress = fmt.Errorf("%w: not a public address", brief.ErrInvalid)

// nonPublic are the prefixes PublicAddr refuses beyond those the netip
// predicates name (loopback, private, link-local, multicast, unspecified).
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),      // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),  // carrier-grade NAT (RFC 6598)
	netip.MustParsePrefix("192.0.0.0/24"),   // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),  // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),    // reserved, and the broadcast address
	netip.MustParsePrefix("::/96"),          // IPv4-compatible (deprecated), ::, ::1
	netip.MustParsePrefix("64:ff9b:1::/48"), // local-use NAT64 (RFC 8215)
	netip.MustParsePrefix("100::/64"),       // discard-only
}

// nat64 is the well-known NAT64 prefix (RFC 6052): its addresses stand for
// the IPv4 address in their last 32 bits.
var nat64 = netip.MustParsePrefix("64:ff9b::/96")

// PublicAddr reports whether ip is an address of the public internet, one
// that Fetcher.PublicOnly lets the fetcher connect to. It is false for the
// invalid address and for loopback (127/8, ::1), private (10/8,
// 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with the cloud
// metadata address 169.254.169.254, fe80::/10), unspecified, multicast,
// carrier-grade NAT (100.64/10) and other reserved IPv4 ranges (0/8,
// 192.0.0/24, 198.18/15, 240/4), IPv4-compatible and discard-only IPv6
// ranges, local-use NAT64; IPv4-mapped (::ffff:a.b.c.d) and well-known
// NAT64 (64:ff9b::a.b.c.d) addresses are judged by the IPv4 address they
// carry. A zone is ignored.
func PublicAddr(ip netip.Addr) bool {
	ip = ip.WithZone("").Unmap()
	if ip.Is6() && nat64.Contains(ip) {
		b := ip.As16()
		ip = netip.AddrFrom4([4]byte(b[12:]))
	}
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() ||
		ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// addrError is a connection the guard refused, as the dialer reports it.
type addrError struct{ addr string }

func (e *addrError) Error() string { return "refused to connect to " + e.addr }

// control is the net.Dialer hook of a PublicOnly fetcher: it runs after
// name resolution with the address about to be dialled, for every
// connection, and refuses those that are not public.
func (f *Fetcher) control(_, address string, _ syscall.RawConn) error {
	allow := f.allowAddr
	if allow == nil {
		allow = func(ap netip.AddrPort) bool { return PublicAddr(ap.Addr()) }
	}
	if ap, err := netip.ParseAddrPort(address); err != nil || !allow(ap) {
		return &addrError{address}
	}
	return nil
}

// guard returns a copy of rt (nil means http.DefaultTransport) that dials
// directly, through a net.Dialer whose Control hook refuses non-public
// addresses. Proxy and the dial functions of rt are replaced: a proxy
// would be the only address dialled, so the guard could not see where
// requests go.
func (f *Fetcher) guard(rt http.RoundTripper) (http.RoundTripper, error) {
	var t *http.Transport
	switch base := rt.(type) {
	case nil:
		if dt, ok := http.DefaultTransport.(*http.Transport); ok {
			t = dt.Clone()
		} else {
			t = &http.Transport{ForceAttemptHTTP2: true, TLSHandshakeTimeout: 10 * time.Second}
		}
	case *http.Transport:
		t = base.Clone()
	default:
		return nil, fmt.Errorf("%w: fetch: PublicOnly needs Client.Transport to be nil or an *http.Transport, not %T", brief.ErrInvalid, rt)
	}
	d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second, Control: f.control}
	t.Proxy = nil
	t.OnProxyConnectResponse = nil
	t.Dial, t.DialTLS, t.DialTLSContext = nil, nil, nil // only the guarded dial may connect
	t.DialContext = d.DialContext
	return t, nil
}

// refused turns a connection the guard refused into an error naming the
// URL requested and the address refused, of kind ErrPrivateAddress; other
// errors give nil.
func refused(rawURL string, err error) error {
	var ae *addrError
	if !errors.As(err, &ae) {
		return nil
	}
	return fmt.Errorf("%w: %s connects to %s", ErrPrivateAddress, rawURL, ae.addr)
}
