// Reading whole files, transparently gunzipping `.gz` (or any gzip-magic) content with zlib.
#pragma once

#include <string>

#include "core/status.hpp"

namespace carevoice {

// Reads the file; if it starts with the gzip magic bytes, returns the decompressed text.
Result<std::string> ReadTextFile(const std::string& path);
// Decompresses gzip data held in memory (e.g. an upload); plain data is returned unchanged.
Result<std::string> MaybeGunzip(std::string data);
Status WriteTextFile(const std::string& path, const std::string& contents);

}  // namespace carevoice
