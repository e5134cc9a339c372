#include "dialler/adapters/twilio/rest_client.hpp"

#include <array>
#include <memory>
#include <stdexcept>
#include <thread>

#include <curl/curl.h>

namespace dialler::adapters::twilio {

namespace {

// curl_global_init is not thread-safe: done once, before the first handle, by a static.
void InitCurlOnce() {
    static const bool kInitialised = [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
            throw std::runtime_error("libcurl could not be initialised");
        }
        return true;
    }();
    (void)kInitialised;
}

std::size_t Collect(char* data, std::size_t size, std::size_t count, void* out) {
    static_cast<std::string*>(out)->append(data, size * count);
    return size * count;
}

bool Retryable(long status, bool is_post) {
    return status == 429 || (!is_post && status >= 500);
}

// No connection was made: whatever the request was, the provider never saw it.
bool NeverConnected(CURLcode code) {
    return code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST ||
           code == CURLE_COULDNT_RESOLVE_PROXY;
}

struct EasyDeleter {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};

struct SlistDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

curl_slist* HeaderList(const std::vector<std::pair<std::string, std::string>>& headers) {
    curl_slist* list = nullptr;
    for (const auto& [name, value] : headers) {
        std::string line = name;
        line += ": ";
        line += value;
        list = curl_slist_append(list, line.c_str());
    }
    return list;
}

}  // namespace

std::string FormEncode(std::string_view value) {
    static constexpr std::array<char, 16> kHex{
        '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
    std::string out;
    for (const char ch : value) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~') {
            out += ch;
        } else {
            out += '%';
            out += kHex.at(c >> 4U);
            out += kHex.at(c & 0x0FU);
        }
    }
    return out;
}

RestClient::RestClient(RestClientSettings settings) : settings_(std::move(settings)) {
    InitCurlOnce();
}

RestResponse RestClient::Get(const std::string& path) const {
    return Send(path, nullptr, {});
}

RestResponse RestClient::PostForm(
    const std::string& path,
    const std::vector<std::pair<std::string, std::string>>& form,
    const std::vector<std::pair<std::string, std::string>>& headers
) const {
    std::string body;
    for (const auto& [key, value] : form) {
        if (!body.empty()) {
            body += '&';
        }
        body += FormEncode(key) + "=" + FormEncode(value);
    }
    return Send(path, &body, headers);
}

RestResponse RestClient::Send(
    const std::string& path,
    const std::string* form_body,
    const std::vector<std::pair<std::string, std::string>>& headers
) const {
    const std::string url = settings_.base_url + path;
    auto backoff = settings_.first_backoff;
    std::string last_error;
    bool connected = false;  // at some attempt: the provider may have seen the request
    const bool is_post = form_body != nullptr;
    for (int attempt = 1; attempt <= settings_.max_attempts; ++attempt) {
        const std::unique_ptr<CURL, EasyDeleter> handle(curl_easy_init());
        if (!handle) {
            throw std::runtime_error("libcurl could not create a handle");
        }
        CURL* h = handle.get();
        RestResponse response;
        // NOSIGNAL: a threaded server must not let libcurl's DNS timeouts raise SIGALRM.
        curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(h, CURLOPT_URL, url.c_str());
        if (!settings_.username.empty()) {
            curl_easy_setopt(h, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
            curl_easy_setopt(h, CURLOPT_USERNAME, settings_.username.c_str());
            curl_easy_setopt(h, CURLOPT_PASSWORD, settings_.password.c_str());
        }
        const std::unique_ptr<curl_slist, SlistDeleter> header_list(HeaderList(headers));
        curl_easy_setopt(h, CURLOPT_HTTPHEADER, header_list.get());
        const long timeout_ms = settings_.timeout.count();
        curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout_ms);
        curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);  // recording media redirects to storage
        curl_easy_setopt(h, CURLOPT_MAXREDIRS, 3L);
        curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &Collect);
        curl_easy_setopt(h, CURLOPT_WRITEDATA, &response.body);
        if (form_body != nullptr) {
            curl_easy_setopt(h, CURLOPT_POSTFIELDS, form_body->c_str());
            curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, static_cast<long>(form_body->size()));
        }
        const CURLcode code = curl_easy_perform(h);
        if (code == CURLE_OK) {
            curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &response.status);
            const char* type = nullptr;
            curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &type);
            response.content_type = type != nullptr ? type : "";
            if (!Retryable(response.status, is_post) || attempt == settings_.max_attempts) {
                return response;
            }
        } else {
            last_error = curl_easy_strerror(code);  // names the fault, never the credentials
            connected = connected || !NeverConnected(code);
            if (is_post && !NeverConnected(code)) {
                // Sent, perhaps acted on, answer lost: asking again could do it twice.
                throw std::runtime_error("telephony provider did not answer: " + last_error);
            }
        }
        if (attempt < settings_.max_attempts) {
            std::this_thread::sleep_for(backoff);
            backoff *= 2;
        }
    }
    if (!connected) {
        throw ProviderUnreachable("telephony provider unreachable: " + last_error);
    }
    throw std::runtime_error("telephony provider did not answer: " + last_error);
}

}  // namespace dialler::adapters::twilio
