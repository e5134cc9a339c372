#pragma once

#include <cstddef>
#include <iterator>
#include <vector>

namespace dialler::app {

// A page read as one row more than its size tells whether another follows, without counting.
// Drops the extra row; returns whether there was one.
template <typename T>
bool CutToPage(std::vector<T>& rows, std::size_t page_size) {
    if (rows.size() <= page_size) {
        return false;
    }
    rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(page_size), rows.end());
    return true;
}

}  // namespace dialler::app
