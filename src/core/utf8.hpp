// UTF-8 checks for text that arrives from outside (requests, files): whether bytes are well-formed
// UTF-8, and how many characters (code points) they hold, which is what a length limit counts.
#pragma once

#include <cstddef>
#include <string_view>

namespace carevoice::utf8 {

// True when `s` is well-formed UTF-8 (RFC 3629): no stray continuation bytes, no truncated or
// overlong sequences, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF.
bool IsValid(std::string_view s);

// The number of code points in `s`, which must be valid UTF-8 (each byte that does not continue a
// sequence starts one).
std::size_t Length(std::string_view s);

// True when `s` holds a C0 control character (U+0000..U+001F) or DEL (U+007F).
bool HasControlCharacter(std::string_view s);

}  // namespace carevoice::utf8
