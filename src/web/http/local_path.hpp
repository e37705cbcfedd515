// Where a page may send someone next (after signing in, the `next` parameter): only a path on this
// site, so that a link cannot send a person on to another site or smuggle a header into the redirect.
#pragma once

#include <string>
#include <string_view>

namespace carevoice::web {

// `candidate` when it is a local path, else "/". A local path starts with one "/" that is not followed
// by "/" or "\" (browsers read "//host" and "/\host" as another site); has no scheme or host; holds only
// printable ASCII (no space, no control character, no backslash); and hides none of those behind
// percent escapes ("%0d%0a" would split the Location header). At most 2,000 characters.
std::string SafeLocalPath(std::string_view candidate);

}  // namespace carevoice::web
