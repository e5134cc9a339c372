#pragma once

namespace dialler::platform {

// Blocks SIGINT and SIGTERM in the calling thread and every thread it starts afterwards, so that
// only WaitForStopSignal() sees them. Call at the top of main, before any thread exists.
void BlockStopSignals();

// Waits until SIGINT or SIGTERM arrives; returns the signal number.
int WaitForStopSignal();

}  // namespace dialler::platform
