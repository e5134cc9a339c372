// A streamed response (Response::stream, as GET /api/analytics/calls.csv sends every call of a
// range) through the real listener on loopback: the body arrives whole and chunked; a client that
// resets the connection mid-way stops the producer (its write says so) and the server goes on
// serving; a fault in the producer ends the body with its tail, not in silence.
#include <atomic>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "dialler/adapters/http/dispatcher.hpp"
#include "dialler/adapters/http/server.hpp"
#include "dialler/platform/metrics.hpp"
#include "dialler/platform/thread_pool.hpp"

#include "free_port.hpp"

namespace dialler {
namespace {

using adapters::http::Access;
using adapters::http::Request;
using adapters::http::Response;

constexpr std::size_t kPiece = std::size_t{64} * 1024;

// A raw HTTP/1.1 client connection on loopback.
class Client {
public:
    explicit Client(std::uint16_t port) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = htons(port);
        // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API
        connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    }
    ~Client() {
        if (fd_ >= 0) {
            close(fd_);
        }
    }
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    bool Get(const std::string& path) {
        const std::string request =
            "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        return connected_ && send(fd_, request.data(), request.size(), MSG_NOSIGNAL) ==
                                 static_cast<ssize_t>(request.size());
    }
    // Reads until `at_least` bytes have come, or the end.
    std::string Read(std::size_t at_least = std::string::npos) {
        std::string out;
        std::string buffer(kPiece, '\0');
        while (out.size() < at_least) {
            const ssize_t n = recv(fd_, buffer.data(), buffer.size(), 0);
            if (n <= 0) {
                break;
            }
            out.append(buffer.data(), static_cast<std::size_t>(n));
        }
        return out;
    }
    // Closes with a TCP reset, as a browser's cancelled download can.
    void Reset() {
        linger hard{1, 0};
        setsockopt(fd_, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        close(fd_);
        fd_ = -1;
    }

private:
    int fd_;
    bool connected_ = false;
};

// The body of a chunked response (everything after the headers), decoded; nullopt when it does
// not end with the last (empty) chunk.
std::optional<std::string> Dechunk(const std::string& response) {
    std::size_t at = response.find("\r\n\r\n");
    if (at == std::string::npos) {
        return std::nullopt;
    }
    at += 4;
    std::string body;
    while (true) {
        const std::size_t line_end = response.find("\r\n", at);
        if (line_end == std::string::npos) {
            return std::nullopt;
        }
        const std::size_t size = std::stoul(response.substr(at, line_end - at), nullptr, 16);
        at = line_end + 2;
        if (size == 0) {
            return body;
        }
        if (at + size + 2 > response.size()) {
            return std::nullopt;
        }
        body += response.substr(at, size);
        at += size + 2;
    }
}

class HttpStreamTest : public ::testing::Test {
protected:
    void SetUp() override {
        Add("/whole", 40, false);
        Add("/long", 4000, false);
        Add("/faulty", 3, true);
        router_.Add({"GET", "/small", Access::Public(), [](Request&) -> Result<Response> {
                         Response r;
                         r.content_type = "text/plain";
                         r.body = "still here";
                         return r;
                     }});
        server_ = std::make_unique<adapters::http::HttpServer>(
            adapters::http::ServerSettings{"127.0.0.1", port_, 1}, dispatcher_, workers_, metrics_
        );
        server_->Start();
    }

    void TearDown() override {
        server_->Stop(std::chrono::seconds{5});
        workers_.Shutdown();
    }

    // A route streaming `pieces` pieces of kPiece bytes (then a fault, if `fails`); what its
    // producer wrote is told through `written_` and `ended_`.
    void Add(const std::string& path, int pieces, bool fails) {
        router_.Add(
            {"GET",
             path,
             Access::Public(),
             [this, pieces, fails](Request&) -> Result<Response> {
                 Response r;
                 r.content_type = "text/csv";
                 r.stream_fault_tail = "stopped early\r\n";
                 r.stream = [this, pieces, fails](const auto& write) {
                     int i = 0;
                     for (; i < pieces; ++i) {
                         if (!write(std::string(kPiece, static_cast<char>('a' + i % 26)))) {
                             break;
                         }
                         written_ = i + 1;
                     }
                     ended_.set_value(i);
                     if (fails) {
                         throw std::runtime_error("the database went away");
                     }
                 };
                 return r;
             }}
        );
    }

    int Ended() {
        auto ended = ended_.get_future();
        // Bounded: the server's own write limit (30 s) ends a stalled producer well before.
        EXPECT_EQ(ended.wait_for(std::chrono::seconds{60}), std::future_status::ready);
        return ended.get();
    }

    std::uint16_t port_ = testing::FreePort();
    adapters::http::Router router_;
    adapters::http::Dispatcher dispatcher_{router_, adapters::http::DispatcherSettings{}};
    platform::ThreadPool workers_{2};
    platform::Metrics metrics_;
    std::unique_ptr<adapters::http::HttpServer> server_;
    std::atomic<int> written_{0};
    std::promise<int> ended_;
};

TEST_F(HttpStreamTest, TheBodyArrivesWholeAndChunked) {
    Client client(port_);
    ASSERT_TRUE(client.Get("/whole"));
    const std::string response = client.Read();
    EXPECT_EQ(Ended(), 40);
    EXPECT_NE(response.find("Transfer-Encoding: chunked"), std::string::npos)
        << response.substr(0, 400);
    const auto body = Dechunk(response);
    ASSERT_TRUE(body);
    ASSERT_EQ(body->size(), 40 * kPiece);
    EXPECT_EQ(body->front(), 'a');
    EXPECT_EQ(body->back(), static_cast<char>('a' + 39 % 26));
}

TEST_F(HttpStreamTest, AClientThatResetsStopsTheProducerAndTheServerGoesOn) {
    {
        Client client(port_);
        ASSERT_TRUE(client.Get("/long"));
        EXPECT_GE(client.Read(4 * kPiece).size(), 4 * kPiece);
        client.Reset();
    }
    const int wrote = Ended();
    EXPECT_LT(wrote, 4000);  // it stopped: the rest was never produced
    EXPECT_GE(wrote, 4);
    Client next(port_);
    ASSERT_TRUE(next.Get("/small"));
    const std::string answer = next.Read();
    EXPECT_NE(answer.find("200 OK"), std::string::npos) << answer;
    EXPECT_NE(answer.find("still here"), std::string::npos) << answer;
}

TEST_F(HttpStreamTest, AFaultInTheProducerEndsTheBodyWithItsTail) {
    Client client(port_);
    ASSERT_TRUE(client.Get("/faulty"));
    const std::string response = client.Read();
    EXPECT_EQ(Ended(), 3);
    EXPECT_NE(response.find("200 OK"), std::string::npos);  // the status was out already
    const auto body = Dechunk(response);
    ASSERT_TRUE(body);
    EXPECT_EQ(body->size(), 3 * kPiece + std::string("stopped early\r\n").size());
    EXPECT_TRUE(body->ends_with("stopped early\r\n"));
}

}  // namespace
}  // namespace dialler
