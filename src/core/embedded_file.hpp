// A text file compiled into the binary (SQL migrations, page templates), so that a carevoice
// binary runs from any directory. cmake/embed_files.cmake generates the lists.
#pragma once

#include <string>

namespace carevoice {

struct EmbeddedFile {
    std::string name;  // file name without directory, e.g. "0001_platform.sql"
    std::string text;
};

}  // namespace carevoice
