#include "http_client.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <nlohmann/json.hpp>
#include <sys/socket.h>
#include <unistd.h>

namespace dialler::bench {

HttpConnection::HttpConnection(std::string host, int port) : host_(std::move(host)), port_(port) {
    Connect();
}

HttpConnection::~HttpConnection() {
    Close();
}

void HttpConnection::Connect() {
    Close();
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) {
        throw std::runtime_error("socket failed");
    }
    const int one = 1;
    setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    timeval timeout{30, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port_));
    if (inet_pton(AF_INET, host_.c_str(), &addr.sin_addr) != 1) {
        throw std::runtime_error("bad address " + host_);
    }
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast)
    if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        Close();
        throw std::runtime_error("cannot connect to " + host_ + ":" + std::to_string(port_));
    }
    buffer_.clear();
}

void HttpConnection::Close() {
    if (fd_ >= 0) {
        close(fd_);
        fd_ = -1;
    }
}

HttpResponse HttpConnection::Send(
    const std::string& method,
    const std::string& path,
    const std::string& body,
    const std::string& extra_headers
) {
    std::string request = method + " " + path + " HTTP/1.1\r\nHost: " + host_ + ":" +
                          std::to_string(port_) + "\r\n" + extra_headers;
    if (!body.empty() || method == "POST") {
        request +=
            "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
            "\r\n";
    }
    request += "\r\n" + body;
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (fd_ < 0) {
            Connect();
        }
        std::size_t sent = 0;
        bool ok = true;
        while (sent < request.size()) {
            const ssize_t n =
                ::send(fd_, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) {
                ok = false;
                break;
            }
            sent += static_cast<std::size_t>(n);
        }
        if (ok) {
            try {
                return ReadResponse();
            } catch (const std::runtime_error&) {
                if (attempt == 1) {
                    throw;
                }
            }
        }
        Close();  // the server closed a kept-alive connection: one fresh try
    }
    throw std::runtime_error("request failed: " + method + " " + path);
}

void HttpConnection::Fill() {
    std::array<char, 16384> chunk{};
    const ssize_t n = recv(fd_, chunk.data(), chunk.size(), 0);
    if (n <= 0) {
        Close();
        throw std::runtime_error("connection closed");
    }
    buffer_.append(chunk.data(), static_cast<std::size_t>(n));
}

std::string HttpConnection::ReadLine() {
    std::size_t end = 0;
    while ((end = buffer_.find("\r\n")) == std::string::npos) {
        Fill();
    }
    std::string line = buffer_.substr(0, end);
    buffer_.erase(0, end + 2);
    return line;
}

HttpResponse HttpConnection::ReadResponse() {
    HttpResponse r;
    const std::string status = ReadLine();
    if (status.size() < 12 || !status.starts_with("HTTP/1.")) {
        throw std::runtime_error("bad status line: " + status);
    }
    r.status = std::stoi(status.substr(9, 3));
    for (std::string line = ReadLine(); !line.empty(); line = ReadLine()) {
        const auto colon = line.find(':');
        if (colon == std::string::npos) {
            continue;
        }
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) {
            return static_cast<char>(std::tolower(c));
        });
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        if (name == "set-cookie" && r.set_cookie.empty()) {
            r.set_cookie = value.substr(0, value.find(';'));
        }
        r.headers[name] = value;
    }
    if (r.headers["transfer-encoding"].find("chunked") != std::string::npos) {
        for (;;) {
            const std::size_t size = std::stoul(ReadLine(), nullptr, 16);
            while (buffer_.size() < size + 2) {
                Fill();
            }
            r.body.append(buffer_, 0, size);
            buffer_.erase(0, size + 2);
            if (size == 0) {
                break;
            }
        }
    } else {
        const auto it = r.headers.find("content-length");
        const std::size_t size = it == r.headers.end() ? 0 : std::stoul(it->second);
        while (buffer_.size() < size) {
            Fill();
        }
        r.body = buffer_.substr(0, size);
        buffer_.erase(0, size);
    }
    if (r.headers["connection"] == "close") {
        Close();
    }
    return r;
}

Session Login(HttpConnection& conn, const std::string& email, const std::string& password) {
    const nlohmann::json body = {{"email", email}, {"password", password}};
    const HttpResponse r = conn.Send("POST", "/api/auth/login", body.dump(), "");
    if (r.status != 200 || r.set_cookie.empty()) {
        throw std::runtime_error(
            "login " + email + " failed: " + std::to_string(r.status) + " " + r.body
        );
    }
    return Session{r.set_cookie, nlohmann::json::parse(r.body).at("csrfToken").get<std::string>()};
}

}  // namespace dialler::bench
