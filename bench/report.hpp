#pragma once

#include <string>

namespace dialler::bench {

// Merges every PARTS/*.json (keyed by file name) and PARTS/env.txt (KEY=VALUE lines) into
// `json_out`, and writes the Markdown tables with the targets of docs/performance.md to `md_out`,
// followed by the hand-written analysis in `notes` (if given). Returns 0.
int WriteReport(
    const std::string& parts,
    const std::string& json_out,
    const std::string& md_out,
    const std::string& notes
);

}  // namespace dialler::bench
