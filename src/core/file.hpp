// Reading whole files, transparently gunzipping `.gz` (or any gzip-magic) content with zlib.
// Decompressed text never grows past a cap (default 512 MB): a few kilobytes of gzip can unpack to
// gigabytes, and the size a gzip file states in its trailer is not to be trusted, so buffers grow
// only as data arrives and the cap is checked before each piece is kept.
#pragma once

#include <cstddef>
#include <string>

#include "core/status.hpp"

namespace carevoice {

// The default cap on text unpacked from gzip (and on a plain file read whole): 512 MB. The published
// CPES results of 2015-2018 unpack to about 40 MB.
inline constexpr std::size_t kDefaultMaxUnpackedBytes = std::size_t{512} << 20;

// Reads the file; if it starts with the gzip magic bytes, returns the decompressed text. More than
// `max_bytes` of text is ResourceExhausted, naming the limit; damaged gzip is InvalidArgument.
Result<std::string> ReadTextFile(const std::string& path, std::size_t max_bytes = kDefaultMaxUnpackedBytes);
// Decompresses gzip data held in memory (e.g. an upload); plain data is returned unchanged. The same
// limit and errors as ReadTextFile.
Result<std::string> MaybeGunzip(std::string data, std::size_t max_bytes = kDefaultMaxUnpackedBytes);
Status WriteTextFile(const std::string& path, const std::string& contents);

// "512 MB" for whole megabytes, else "N bytes": how limits are named in messages.
std::string SizeText(std::size_t bytes);

}  // namespace carevoice
