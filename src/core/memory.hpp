// A hint to the operating system about memory carevoice is about to fill: a vector of millions of events
// is touched page by page, and on a virtual machine each first touch of a 4 KiB page is a costly fault.
#pragma once

#include <cstddef>
#include <vector>

namespace carevoice {

// Asks for the whole 2 MiB pages inside [data, data + bytes) to be backed by transparent huge pages
// (Linux madvise MADV_HUGEPAGE), so that filling them faults once per 2 MiB instead of once per 4 KiB.
// Only a hint: ignored where the kernel does not offer it, and for ranges under 4 MiB.
void PreferHugePages(void* data, std::size_t bytes);

// Reserves room for `n` elements in `v` and asks for it in huge pages (PreferHugePages), before anything
// is written to it: for the vectors of millions of elements that a computation fills.
template <typename T>
void ReserveInHugePages(std::vector<T>& v, std::size_t n) {
    v.reserve(n);
    PreferHugePages(v.data(), v.capacity() * sizeof(T));
}

}  // namespace carevoice
