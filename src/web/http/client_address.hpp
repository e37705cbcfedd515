// Whose request this is: the connection's peer address, or behind trusted reverse proxies the address
// the outermost trusted proxy saw. Each proxy appends the address it received the request from to
// X-Forwarded-For, so the trustworthy entries are the right-most ones; anything to their left came
// from the client and may be made up.
#pragma once

#include <string>
#include <string_view>

namespace carevoice::web {

// `trusted_hops` is the number of reverse proxies in front of carevoice (0: X-Forwarded-For is
// ignored). The answer is the entry `trusted_hops` from the right of `forwarded_for`; with fewer
// entries than that, the left-most; with an entry that is not an IP address, `peer_address`.
std::string ClientAddress(const std::string& peer_address, std::string_view forwarded_for, int trusted_hops);

}  // namespace carevoice::web
