// Test helper: gzip data made in memory, honest or hostile (a bomb, a trailer whose size field lies).
// Compiled into test programs only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace carevoice::testing {

// `text` compressed as one gzip member.
std::string Gzip(std::string_view text);
// A valid gzip member that unpacks to `mib` MiB of zero bytes (4096: 4 GiB), with the right CRC and
// size field. One compressed MiB is repeated, so even 4 GiB takes about 4 MB and no time to make.
std::string ZeroBomb(std::size_t mib);
// `gz` with its trailer's size field (ISIZE, the last four bytes, RFC 1952) replaced by `stated`.
std::string WithStatedSize(std::string gz, std::uint32_t stated);

}  // namespace carevoice::testing
