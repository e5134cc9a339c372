#pragma once

namespace dialler::platform {

// Blocks SIGINT and SIGTERM in the calling thread and every thread it starts afterwards, so that
// only WaitForStopSignal() sees them. Call at the top of main, before any thread exists.
void BlockStopSignals();

// Makes a write to a connection the other side has closed fail with EPIPE instead of killing
// the process with SIGPIPE. Sockets are written with MSG_NOSIGNAL, but not every write is a
// send(2) (sendfile, a library's own writes): a server must not die because a client left.
void IgnoreBrokenPipes();

// Waits until SIGINT or SIGTERM arrives; returns the signal number.
int WaitForStopSignal();

}  // namespace dialler::platform
