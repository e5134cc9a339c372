#pragma once

// A minimal blocking HTTP/1.1 keep-alive client for loopback load (one connection per simulated
// agent). Content-Length and chunked bodies; no TLS, no redirects.

#include <map>
#include <string>

namespace dialler::bench {

struct HttpResponse {
    int status = 0;
    std::map<std::string, std::string> headers;  // names lower-cased; last value wins
    std::string set_cookie;                      // first Set-Cookie's name=value
    std::string body;
};

class HttpConnection {
public:
    HttpConnection(std::string host, int port);
    ~HttpConnection();
    HttpConnection(const HttpConnection&) = delete;
    HttpConnection& operator=(const HttpConnection&) = delete;
    HttpConnection(HttpConnection&&) = delete;
    HttpConnection& operator=(HttpConnection&&) = delete;

    // Sends one request and reads the response; reconnects once if the server closed an idle
    // connection. Throws std::runtime_error on I/O failure.
    HttpResponse Send(
        const std::string& method,
        const std::string& path,
        const std::string& body,
        const std::string& extra_headers
    );

private:
    void Connect();
    void Close();
    HttpResponse ReadResponse();
    std::string ReadLine();
    void Fill();

    std::string host_;
    int port_;
    int fd_ = -1;
    std::string buffer_;
};

// A logged-in session: the cookie and CSRF token every write needs.
struct Session {
    std::string cookie;
    std::string csrf;
    std::string Headers() const {
        return "Cookie: " + cookie + "\r\nX-CSRF-Token: " + csrf + "\r\n";
    }
};

// Logs in over `conn`; throws with the status and body when it fails.
Session Login(HttpConnection& conn, const std::string& email, const std::string& password);

}  // namespace dialler::bench
